package br.com.balcao.shared.database.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits while a restored server replays the archived WAL, until it is promoted (it then takes writes), saying how far
 * it got now and then: {@code pg_ctl} returns as soon as the server takes read-only connections, which may be long
 * before the end of the replay.
 */
final class RecoveryWait {

    private static final Logger log = LoggerFactory.getLogger(RecoveryWait.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT = Duration.ofSeconds(30);

    private RecoveryWait() {
    }

    /** The commit time of the last transaction replayed, when the replay met one. */
    static Optional<Instant> untilPromoted(EmbeddedPostgresServer server) {
        long lastReport = System.nanoTime();
        while (true) {
            if (!server.isRunning()) {
                throw new IllegalStateException("The server stopped while replaying the WAL archive");
            }
            try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement();
                 ResultSet state = statement.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
                         + " pg_last_xact_replay_timestamp()")) {
                state.next();
                Optional<Instant> lastCommit = Optional.ofNullable(state.getObject(3, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant);
                if (!state.getBoolean(1)) {
                    return lastCommit;
                }
                if (System.nanoTime() - lastReport > REPORT.toNanos()) {
                    log.info("Replaying the WAL archive: at {}, transactions of {}", state.getString(2),
                            lastCommit.map(Instant::toString).orElse("(none yet)"));
                    lastReport = System.nanoTime();
                }
            } catch (SQLException e) {
                log.debug("The restored server does not answer yet: {}", e.getMessage());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the restored server replayed the WAL archive", e);
        }
    }
}
