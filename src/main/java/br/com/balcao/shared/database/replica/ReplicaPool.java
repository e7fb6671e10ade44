package br.com.balcao.shared.database.replica;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The replica's connection pool. Not a {@code DataSource} bean, so that Boot's JPA, Flyway and database health keep
 * the primary as the one data source; read-only, and started even while the replica is down.
 */
record ReplicaPool(HikariDataSource dataSource) implements AutoCloseable {

    static ReplicaPool of(ReplicaConnectionProperties connection) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("replica");
        config.setJdbcUrl(connection.url());
        config.setUsername(connection.username());
        config.setPassword(connection.password());
        config.setReadOnly(true);
        config.setMaximumPoolSize(connection.maximumPoolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connection.connectionTimeoutMillis());
        config.setInitializationFailTimeout(-1);
        return new ReplicaPool(new HikariDataSource(config));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
