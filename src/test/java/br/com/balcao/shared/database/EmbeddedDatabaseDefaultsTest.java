package br.com.balcao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * When the embedded database's first run is the demo, and that the demo's published values never replace what
 * the user set: each case is the environment as Boot prepares it from these variables and the packaged
 * configuration files, then {@link EmbeddedDatabaseDefaults}.
 */
class EmbeddedDatabaseDefaultsTest {

    @Test
    void nothingConfiguredIsTheDemo() {
        StandardEnvironment environment = prepare(Map.of());

        assertThat(environment.getActiveProfiles()).containsExactly("demo");
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEqualTo("demo-app-secret");
        assertThat(environment.getProperty("balcao.whatsapp.verify-token")).isEqualTo("demo-verify-token");
        assertThat(environment.getProperty("balcao.whatsapp.gateway")).isEqualTo("SIMULATED");
        assertThat(environment.getProperty("balcao.setup.enabled", Boolean.class)).isFalse();
    }

    @Test
    void anAppSecretMakesARealInstallationOnItsOwnValues() {
        StandardEnvironment environment = prepare(Map.of("WHATSAPP_APP_SECRET", "the-real-secret"));

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEqualTo("the-real-secret");
        assertThat(environment.getProperty("balcao.whatsapp.verify-token")).isEmpty();
        assertThat(environment.getProperty("balcao.whatsapp.gateway")).isEqualTo("CLOUD_API");
        assertThat(environment.getProperty("balcao.setup.enabled", Boolean.class)).isTrue();
    }

    @Test
    void anAccessTokenMakesARealInstallation() {
        StandardEnvironment environment = prepare(Map.of("WHATSAPP_ACCESS_TOKEN", "EAAG-token"));

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("balcao.whatsapp.access-token")).isEqualTo("EAAG-token");
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEmpty();
    }

    @Test
    void theSecretGivenAsTheApplicationsOwnPropertyCountsToo() {
        StandardEnvironment environment = prepare(Map.of("BALCAO_WHATSAPP_APP_SECRET", "the-real-secret"));

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEqualTo("the-real-secret");
    }

    @Test
    void aBlankSecretIsNoSecret() {
        assertThat(prepare(Map.of("WHATSAPP_APP_SECRET", " ")).getActiveProfiles()).containsExactly("demo");
    }

    @Test
    void aConfiguredDatabaseIsNeverTheDemoByItself() {
        StandardEnvironment environment = prepare(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/balcao"));

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEmpty();
    }

    @Test
    void theDemoCanBeTurnedOffWithoutCredentials() {
        assertThat(prepare(Map.of("BALCAO_DEMO_AUTO_ACTIVATE", "false")).getActiveProfiles()).isEmpty();
    }

    @Test
    void anAutomaticDemoStillUsesWhatTheUserSet() {
        StandardEnvironment environment = prepare(Map.of("WHATSAPP_VERIFY_TOKEN", "my-verify-token",
                "WHATSAPP_GATEWAY", "CLOUD_API"));

        assertThat(environment.getActiveProfiles()).containsExactly("demo");
        assertThat(environment.getProperty("balcao.whatsapp.verify-token")).isEqualTo("my-verify-token");
        assertThat(environment.getProperty("balcao.whatsapp.gateway")).isEqualTo("CLOUD_API");
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEqualTo("demo-app-secret");
    }

    @Test
    void theDemoAskedForExplicitlyKeepsTheUsersValues() {
        StandardEnvironment environment = prepare(Map.of("SPRING_PROFILES_ACTIVE", "demo",
                "WHATSAPP_APP_SECRET", "the-real-secret", "WHATSAPP_GATEWAY", "CLOUD_API",
                "BALCAO_WHATSAPP_VERIFY_TOKEN", "my-verify-token"));

        assertThat(environment.getActiveProfiles()).containsExactly("demo");
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEqualTo("the-real-secret");
        assertThat(environment.getProperty("balcao.whatsapp.gateway")).isEqualTo("CLOUD_API");
        assertThat(environment.getProperty("balcao.whatsapp.verify-token")).isEqualTo("my-verify-token");
    }

    @Test
    void aConfigurationFileOutsideTheJarRanksAboveTheDemo(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("application.yml"), """
                balcao:
                  whatsapp:
                    verify-token: verify-token-from-a-file
                """);

        StandardEnvironment environment = prepare(Map.of("SPRING_CONFIG_ADDITIONAL_LOCATION",
                "optional:file:" + folder.toAbsolutePath() + "/"));

        assertThat(environment.getActiveProfiles()).containsExactly("demo");
        assertThat(environment.getProperty("balcao.whatsapp.verify-token")).isEqualTo("verify-token-from-a-file");
        assertThat(environment.getProperty("balcao.whatsapp.app-secret")).isEqualTo("demo-app-secret");
    }

    /** The environment Boot prepares with only these variables set (none of the machine's own), then ours. */
    private static StandardEnvironment prepare(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        new EmbeddedDatabaseDefaults(destination -> destination.get())
                .postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
