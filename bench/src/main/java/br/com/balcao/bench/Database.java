package br.com.balcao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The checks and counters read from the app's database, on one connection of the benchmark's own. */
final class Database implements AutoCloseable {

    /** How the messages of one prefix are stored: all, distinct wamids, left without a ticket, of the measured period. */
    record Stored(long rows, long distinctWamids, long withoutTicket, long measuredRows) {
    }

    /** Rows inserted, updated and deleted per table, and transactions, as PostgreSQL's statistics count them. */
    record Activity(long commits, long rollbacks, Map<String, long[]> tables) {

        Activity minus(Activity before) {
            Map<String, long[]> delta = new TreeMap<>();
            tables.forEach((table, counts) -> {
                long[] old = before.tables.getOrDefault(table, new long[counts.length]);
                long[] d = new long[counts.length];
                boolean any = false;
                for (int i = 0; i < counts.length; i++) {
                    d[i] = counts[i] - old[i];
                    any |= d[i] != 0;
                }
                if (any) {
                    delta.put(table, d);
                }
            });
            return new Activity(commits - before.commits, rollbacks - before.rollbacks, delta);
        }
    }

    private final Connection connection;

    Database(String jdbcUrl) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl);
    }

    Connection connection() {
        return connection;
    }

    long numberId(String phoneNumberId) throws SQLException {
        return single("SELECT id FROM business_numbers WHERE phone_number_id = ?", phoneNumberId);
    }

    boolean alwaysOpen(long numberId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT always_open FROM business_numbers WHERE id = ?")) {
            query.setLong(1, numberId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** The server's durability settings, as every figure must say under which it was measured. */
    String durability() throws SQLException {
        StringBuilder settings = new StringBuilder();
        for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_level", "archive_mode"}) {
            try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW " + name)) {
                row.next();
                settings.append(settings.isEmpty() ? "" : ", ").append(name).append('=').append(row.getString(1));
            }
        }
        return settings.toString();
    }

    long contacts(long numberId) throws SQLException {
        return single("SELECT count(*) FROM contacts WHERE number_id = ?", numberId);
    }

    long tickets(long numberId) throws SQLException {
        return single("SELECT count(*) FROM tickets WHERE number_id = ?", numberId);
    }

    Stored stored(String wamidPrefix) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT count(*), count(DISTINCT wamid), count(*) FILTER (WHERE ticket_id IS NULL),
                       count(*) FILTER (WHERE wamid LIKE ? || 'm%')
                  FROM messages WHERE wamid LIKE ? || '%'
                """)) {
            query.setString(1, wamidPrefix);
            query.setString(2, wamidPrefix);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Stored(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        }
    }

    /** The run's media messages stored (photos, documents and audio of the prefix). */
    long storedMedia(String wamidPrefix) throws SQLException {
        return single("SELECT count(*) FROM messages WHERE wamid LIKE ? || '%' AND type IN ('IMAGE', 'DOCUMENT', 'AUDIO')",
                wamidPrefix);
    }

    /**
     * Where the run's reactions went: rows of message_reactions carrying their wamid (the latest reaction of a
     * customer to a message replaces the earlier one, and a removal deletes it), and messages stored under their
     * wamid (by an app whose parser takes a reaction for a message of an unsupported type).
     */
    long[] storedReactions(String reactionPrefix) throws SQLException {
        return new long[] {
            single("SELECT count(*) FROM message_reactions WHERE wamid LIKE ? || '%'", reactionPrefix),
            single("SELECT count(*) FROM messages WHERE wamid LIKE ? || '%'", reactionPrefix)
        };
    }

    /** How many of these wamids are stored. */
    long storedAmong(java.util.List<String> wamids) throws SQLException {
        if (wamids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(DISTINCT wamid) FROM messages WHERE wamid = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", wamids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Activity activity() throws SQLException {
        long commits;
        long rollbacks;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            commits = row.getLong(1);
            rollbacks = row.getLong(2);
        }
        Map<String, long[]> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd, seq_scan, coalesce(idx_scan, 0) "
                             + "FROM pg_stat_user_tables")) {
            while (rows.next()) {
                tables.put(rows.getString(1),
                        new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                    rows.getLong(6), rows.getLong(7)});
            }
        }
        return new Activity(commits, rollbacks, tables);
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long single(String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no row for " + sql + " with " + parameter);
                }
                return row.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
