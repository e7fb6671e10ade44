package br.com.balcao.contacts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where uploaded CSV files wait for their import ({@code balcao.contacts.import-directory}; by default
 * {@code balcao-imports} in the system's temporary folder). An import stopped by a restart goes on from its file.
 */
@ConfigurationProperties("balcao.contacts")
record ContactsProperties(Path importDirectory) {

    ContactsProperties {
        if (importDirectory == null) {
            importDirectory = Path.of(System.getProperty("java.io.tmpdir"), "balcao-imports");
        }
    }
}
