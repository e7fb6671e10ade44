package br.com.balcao.shared.database;

import br.com.balcao.shared.database.embedded.EmbeddedPostgresServer;
import br.com.balcao.shared.database.embedded.ServerWatchdog;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the app's own PostgreSQL 17 when no {@code spring.datasource.url} is set: a durable, password-protected
 * server on localhost whose data directory survives restarts, archiving its WAL for the backups, and started again
 * by a watchdog if it dies while the app runs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "balcao";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(@Value("${balcao.embedded-database.data-directory}") Path dataDirectory,
                                            @Value("${balcao.embedded-database.binaries-directory}") Path binariesDirectory,
                                            @Value("${balcao.embedded-database.port}") int port,
                                            @Value("${balcao.embedded-database.wal-archive:}") Optional<Path> walArchive) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, binariesDirectory, port, walArchive);
        server.start();
        server.createDatabase(DATABASE);
        return server;
    }

    @Bean(destroyMethod = "close")
    ServerWatchdog embeddedPostgresWatchdog(EmbeddedPostgresServer server,
                                            @Value("${balcao.embedded-database.watchdog-interval:1s}") Duration interval) {
        return new ServerWatchdog(server, interval);
    }

    /** Takes the watchdog so that the pool closes before the watchdog, and the watchdog before the server. */
    @Bean
    DataSource dataSource(EmbeddedPostgresServer server, ServerWatchdog watchdog) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(DATABASE));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(server.password());
        dataSource.setPoolName("embedded");
        dataSource.setMaximumPoolSize(30);
        return dataSource;
    }
}
