package br.com.balcao.shared.database.replica;

import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code replica} component of {@code /actuator/health}: always UP, since the app works on the primary alone
 * (and readiness only follows the app's own state), with where the lag-tolerant reads go and why.
 */
record ReplicaHealthIndicator(ReplicaMonitor monitor, ReplicaProperties properties) implements HealthIndicator {

    @Override
    public Health health() {
        ReplicaStatus status = monitor.status();
        Health.Builder health = Health.up()
                .withDetail("readsOn", status.readsOn().name().toLowerCase(Locale.ROOT))
                .withDetail("maxLag", properties.maxLag().toString())
                .withDetail("checkedAt", status.checkedAt().toString());
        if (status.lag() != null) {
            health.withDetail("lag", status.lag().toString());
        }
        if (status.reason() != null) {
            health.withDetail("reason", status.reason());
        }
        return health.build();
    }
}
