package br.com.balcao.shared.database.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Probes the replica every {@code balcao.replica.probe-interval} (never per request): reachable, in recovery, and
 * its lag. The lag is the age of the last replayed transaction, except when everything received is replayed: an idle
 * primary sends nothing, and the replica is then as current as it can be (lag 0). Reads fall back to the primary
 * while the replica is unreachable, not a standby, or lags more than {@code balcao.replica.max-lag}; each switch
 * is logged once.
 */
class ReplicaMonitor {

    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);
    private static final String PROBE = """
            SELECT pg_is_in_recovery(),
                   pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(),
                   (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint
            """;

    private final DataSource replica;
    private final Duration maxLag;
    private volatile ReplicaStatus status = ReplicaStatus.notYetProbed();

    ReplicaMonitor(DataSource replica, ReplicaProperties properties) {
        this.replica = replica;
        this.maxLag = properties.maxLag();
    }

    @Scheduled(fixedDelayString = "${balcao.replica.probe-interval:1s}")
    void probe() {
        update(measure());
    }

    ReplicaStatus status() {
        return status;
    }

    boolean servesReads() {
        return status.servesReads();
    }

    /** A routed read could not get a connection: the primary takes the reads until a probe finds the replica again. */
    void unreachable(SQLException failure) {
        update(ReplicaStatus.onPrimary(null, "unreachable: " + failure.getMessage()));
    }

    private ReplicaStatus measure() {
        try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(PROBE)) {
            row.next();
            if (!row.getBoolean(1)) {
                return ReplicaStatus.onPrimary(null, "not a standby (pg_is_in_recovery() is false)");
            }
            boolean caughtUp = row.getBoolean(2);
            long millis = row.getLong(3);
            Duration lag = caughtUp ? Duration.ZERO : row.wasNull() ? null : Duration.ofMillis(Math.max(0, millis));
            if (lag == null) {
                return ReplicaStatus.onPrimary(null, "catching up (no transaction replayed yet)");
            }
            if (lag.compareTo(maxLag) > 0) {
                return ReplicaStatus.onPrimary(lag, "lag " + lag + " over " + maxLag);
            }
            return ReplicaStatus.onReplica(lag);
        } catch (SQLException e) {
            return ReplicaStatus.onPrimary(null, "unreachable: " + e.getMessage());
        }
    }

    private synchronized void update(ReplicaStatus next) {
        ReplicaStatus previous = status;
        status = next;
        if (previous.readsOn() != next.readsOn()) {
            if (next.servesReads()) {
                log.warn("Reads that tolerate lag go to the read replica (lag {})", next.lag());
            } else {
                log.warn("Reads that tolerate lag go to the primary; the read replica: {}", next.reason());
            }
        }
    }
}
