package br.com.balcao.shared.database;

import br.com.balcao.shared.database.embedded.BackupFolder;
import br.com.balcao.shared.database.embedded.EmbeddedDatabaseBackups;
import br.com.balcao.shared.database.embedded.EmbeddedPostgresServer;
import br.com.balcao.shared.database.embedded.ServerWatchdog;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the app's own PostgreSQL 17 when no {@code spring.datasource.url} is set: a durable, password-protected
 * server on localhost whose data directory survives restarts, started again by a watchdog if it dies while the app
 * runs, archiving its WAL and taking base backups on a schedule, and restored from a backup at start when asked.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "balcao";

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(EmbeddedDatabaseProperties properties) {
        EmbeddedDatabaseProperties.Backup backup = properties.backup();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(properties.dataDirectory(),
                properties.binariesDirectory(), properties.port(), new BackupFolder(backup.folder()),
                backup.archiveTimeout());
        properties.restore().request().ifPresentOrElse(server::startFromBackup, server::start);
        server.createDatabase(DATABASE);
        return server;
    }

    @Bean(destroyMethod = "close")
    ServerWatchdog embeddedPostgresWatchdog(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        return new ServerWatchdog(server, properties.watchdogInterval());
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseBackups embeddedDatabaseBackups(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties,
                                                    Clock clock) {
        return new EmbeddedDatabaseBackups(server, properties.backup().keep(), clock);
    }

    @Bean
    ScheduledBackups scheduledBackups(EmbeddedDatabaseBackups backups) {
        return new ScheduledBackups(backups);
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
