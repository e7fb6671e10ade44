package br.com.balcao.shared.database.replica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much lag the replica's reads tolerate ({@code max-lag}) and how often the replica is probed. A request whose
 * session wrote within {@link #readYourWritesWindow()} reads from the primary.
 */
@ConfigurationProperties("balcao.replica")
record ReplicaProperties(@DefaultValue("5s") Duration maxLag, @DefaultValue("1s") Duration probeInterval) {

    ReplicaProperties {
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("balcao.replica.max-lag must be positive");
        }
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("balcao.replica.probe-interval must be positive");
        }
    }

    /** A write is on the replica once it has replayed that far: the bound, plus the probe's age at worst. */
    Duration readYourWritesWindow() {
        return maxLag.plus(probeInterval);
    }
}
