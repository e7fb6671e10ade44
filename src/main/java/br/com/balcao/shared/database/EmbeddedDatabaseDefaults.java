package br.com.balcao.shared.database;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With no database configured, the app runs on its own embedded PostgreSQL and, there, with the demo
 * profile, so that a first run shows a working helpdesk. A configured database never gets demo data
 * unless the demo profile is asked for explicitly.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (usesEmbeddedDatabase(environment)
                && environment.getProperty("balcao.demo.auto-activate", Boolean.class, true)) {
            environment.addActiveProfile(DEMO_PROFILE);
        }
    }

    static boolean usesEmbeddedDatabase(ConfigurableEnvironment environment) {
        return !environment.containsProperty("spring.datasource.url")
                && environment.getProperty("balcao.embedded-database.enabled", Boolean.class, true);
    }
}
