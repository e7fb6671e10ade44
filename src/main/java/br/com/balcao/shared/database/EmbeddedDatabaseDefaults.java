package br.com.balcao.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * With no database configured, the app runs on its own embedded PostgreSQL and, when nothing says it is a real
 * installation, with the demo profile, so that a first run shows a working helpdesk. A WhatsApp app secret or
 * access token says it is a real one: no demo then, and the first visitor is led to the first-run setup. A
 * configured database never gets the demo unless the demo profile is asked for explicitly.
 *
 * <p>This runs after the configuration files are read (it must see a {@code spring.datasource.url} set in
 * any of them), which is too late for Boot to load {@code application-demo.yml} by itself; so it loads that
 * file here, where Boot would have put it: above the packaged {@code application.yml} and below everything
 * given explicitly (the environment, system properties, the command line, configuration files outside the jar).
 */
public class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";
    private static final String DEMO_CONFIG = "application-demo.yml";
    private static final List<String> REAL_INSTALLATION_SETTINGS = List.of(
            "balcao.whatsapp.app-secret", "balcao.whatsapp.access-token");

    private final Log log;

    public EmbeddedDatabaseDefaults(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseDefaults.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!usesEmbeddedDatabase(environment) || environment.matchesProfiles(DEMO_PROFILE)
                || !environment.getProperty("balcao.demo.auto-activate", Boolean.class, true)) {
            return;
        }
        if (isRealInstallation(environment)) {
            log.info("Embedded PostgreSQL without the demo: WhatsApp credentials are configured");
            return;
        }
        log.info("Embedded PostgreSQL with the demo (sample data, published WhatsApp credentials): set "
                + "WHATSAPP_APP_SECRET or WHATSAPP_ACCESS_TOKEN for a real installation");
        environment.addActiveProfile(DEMO_PROFILE);
        addDemoConfiguration(environment.getPropertySources());
    }

    static boolean usesEmbeddedDatabase(ConfigurableEnvironment environment) {
        return !environment.containsProperty("spring.datasource.url")
                && environment.getProperty("balcao.embedded-database.enabled", Boolean.class, true);
    }

    /** Read before the demo's configuration is added, so that only what the user gave counts. */
    private static boolean isRealInstallation(ConfigurableEnvironment environment) {
        return REAL_INSTALLATION_SETTINGS.stream().anyMatch(name -> StringUtils.hasText(environment.getProperty(name)));
    }

    private static void addDemoConfiguration(MutablePropertySources sources) {
        List<PropertySource<?>> demo;
        try {
            demo = new YamlPropertySourceLoader().load(DEMO_CONFIG, new ClassPathResource(DEMO_CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DEMO_CONFIG, e);
        }
        String packagedConfig = packagedApplicationConfig(sources);
        for (PropertySource<?> source : demo) {
            if (packagedConfig == null) {
                sources.addLast(source);
            } else {
                sources.addBefore(packagedConfig, source);
            }
        }
    }

    /**
     * The lowest-ranked application.yml or .properties, the one inside the jar: a file outside it ranks above,
     * as it ranks above Boot's own profile files.
     */
    private static String packagedApplicationConfig(MutablePropertySources sources) {
        return sources.stream().map(PropertySource::getName)
                .filter(name -> name.contains("application.yml]") || name.contains("application.yaml]")
                        || name.contains("application.properties]"))
                .reduce((higher, lower) -> lower).orElse(null);
    }
}
