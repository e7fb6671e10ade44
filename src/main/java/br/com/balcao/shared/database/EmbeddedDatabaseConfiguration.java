package br.com.balcao.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 when no {@code spring.datasource.url} is set. Its data directory survives
 * restarts, so what a user does in the demo is still there the next time.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "balcao";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${balcao.embedded-database.data-directory}") Path dataDirectory,
                                      @Value("${balcao.embedded-database.port}") int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(false)
                // Spring stops the server (destroyMethod) after everything that uses it has closed;
                // zonky's own JVM hook would race that and leave the app waiting for connections.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .start();
        createApplicationDatabase(postgres);
        log.info("Embedded PostgreSQL running: {} (data in {})",
                postgres.getJdbcUrl("postgres", DATABASE), dataDirectory.toAbsolutePath());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded");
        dataSource.setMaximumPoolSize(30);
        return dataSource;
    }

    private static void createApplicationDatabase(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }
}
