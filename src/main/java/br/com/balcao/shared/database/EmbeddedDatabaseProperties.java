package br.com.balcao.shared.database;

import br.com.balcao.shared.database.embedded.RestoreRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL ({@code balcao.embedded-database.*}): where its data and programs live, its port, its
 * backups, and a restore asked for at start. The defaults, with what each means, are in application.yml.
 */
@ConfigurationProperties("balcao.embedded-database")
record EmbeddedDatabaseProperties(Path dataDirectory, Path binariesDirectory, int port,
                                  @DefaultValue("1s") Duration watchdogInterval, Backup backup,
                                  @DefaultValue Restore restore) {

    /**
     * The backup folder ({@code base/} for the base backups, {@code wal/} for the WAL archive), when base backups are
     * taken (a cron expression, "-" for never), how many are kept, and how long a WAL file may wait before it is
     * archived unfilled.
     */
    record Backup(Path folder, String schedule, int keep, Duration archiveTimeout) {
    }

    /** A restore at start: {@code latest} or a backup's name, and optionally a time such as 2026-12-05T10:15:00-03:00. */
    record Restore(String from, String targetTime) {

        Optional<RestoreRequest> request() {
            return RestoreRequest.of(from, targetTime);
        }
    }
}
