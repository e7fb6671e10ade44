package br.com.balcao.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * With no database configured, the app runs on its own embedded PostgreSQL and, there, with the demo
 * profile, so that a first run shows a working helpdesk. A configured database never gets demo data
 * unless the demo profile is asked for explicitly.
 *
 * <p>This runs after the configuration files are read (it must see a {@code spring.datasource.url} set in
 * any of them), which is too late for Boot to load {@code application-demo.yml} by itself; so it loads that
 * file here, ranked above {@code application.yml} and below the environment.
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";
    private static final String DEMO_CONFIG = "application-demo.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (usesEmbeddedDatabase(environment) && !environment.matchesProfiles(DEMO_PROFILE)
                && environment.getProperty("balcao.demo.auto-activate", Boolean.class, true)) {
            environment.addActiveProfile(DEMO_PROFILE);
            addDemoConfiguration(environment.getPropertySources());
        }
    }

    static boolean usesEmbeddedDatabase(ConfigurableEnvironment environment) {
        return !environment.containsProperty("spring.datasource.url")
                && environment.getProperty("balcao.embedded-database.enabled", Boolean.class, true);
    }

    private static void addDemoConfiguration(MutablePropertySources sources) {
        List<PropertySource<?>> demo;
        try {
            demo = new YamlPropertySourceLoader().load(DEMO_CONFIG, new ClassPathResource(DEMO_CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DEMO_CONFIG, e);
        }
        String applicationConfig = sources.stream().map(PropertySource::getName)
                .filter(name -> name.contains("application.yml") || name.contains("application.properties"))
                .findFirst().orElse(null);
        for (PropertySource<?> source : demo) {
            if (applicationConfig == null) {
                sources.addLast(source);
            } else {
                sources.addBefore(applicationConfig, source);
            }
        }
    }
}
