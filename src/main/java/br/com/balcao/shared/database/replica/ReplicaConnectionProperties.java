package br.com.balcao.shared.database.replica;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read replica ({@code SPRING_DATASOURCE_REPLICA_URL}, {@code _USERNAME}, {@code _PASSWORD}); none by default.
 * Its pool is the replica's own, read-only, and gives up on a connection after {@code connection-timeout} so that
 * an unreachable replica sends the read to the primary quickly.
 */
@ConfigurationProperties("spring.datasource.replica")
record ReplicaConnectionProperties(String url, String username, String password,
                                   @DefaultValue("10") int maximumPoolSize,
                                   @DefaultValue("1000") long connectionTimeoutMillis) {
}
