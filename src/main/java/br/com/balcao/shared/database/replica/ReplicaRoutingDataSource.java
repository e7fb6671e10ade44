package br.com.balcao.shared.database.replica;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The primary, except for a connection asked for by reads that tolerate lag ({@link ReplicaReads}) while the
 * replica is healthy and the request has not just written. A replica that refuses the connection sends it to the
 * primary at once. Wrapped in a {@code LazyConnectionDataSourceProxy}, so that the choice is made at a
 * transaction's first statement, after the transaction and the marks have been set up. It delegates to the primary
 * in everything else, so that Boot's database health and pool metrics see the primary alone (an
 * {@code AbstractRoutingDataSource} would put the replica into the app's health, and make it DOWN with it).
 */
class ReplicaRoutingDataSource extends DelegatingDataSource {

    private final DataSource replica;
    private final ReplicaMonitor monitor;
    private final RecentWrites writes;

    ReplicaRoutingDataSource(DataSource primary, DataSource replica, ReplicaMonitor monitor, RecentWrites writes) {
        super(primary);
        this.replica = replica;
        this.monitor = monitor;
        this.writes = writes;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (ReplicaReads.requested() && monitor.servesReads() && !writes.wroteRecently()) {
            try {
                return replica.getConnection();
            } catch (SQLException e) {
                monitor.unreachable(e);
            }
        }
        return obtainTargetDataSource().getConnection();
    }
}
