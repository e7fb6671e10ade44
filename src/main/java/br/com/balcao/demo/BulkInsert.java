package br.com.balcao.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with few round trips: multi-row INSERT statements of up to ~30,000 parameters, on the
 * connection of the surrounding transaction. A column written {@code name::type} gets a cast (e.g. jsonb).
 */
final class BulkInsert {

    private static final Logger log = LoggerFactory.getLogger(BulkInsert.class);
    private static final int MAX_PARAMETERS = 30_000;

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    BulkInsert(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String table, String columns, List<Object[]> rows) {
        List<String> specs = Arrays.stream(columns.split(",")).map(String::trim).toList();
        String names = specs.stream().map(spec -> spec.split("::")[0]).collect(Collectors.joining(", "));
        String tuple = specs.stream()
                .map(spec -> spec.contains("::") ? "?::" + spec.split("::")[1] : "?")
                .collect(Collectors.joining(", ", "(", ")"));
        int rowsPerStatement = Math.max(1, MAX_PARAMETERS / specs.size());
        long started = System.nanoTime();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            for (int from = 0; from < rows.size(); from += rowsPerStatement) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
                String sql = "INSERT INTO " + table + " (" + names + ") VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), tuple));
                execute(connection, sql, chunk);
            }
            return null;
        });
        counts.merge(table, rows.size(), Integer::sum);
        log.debug("Inserted {} rows into {} in {} ms", rows.size(), table, (System.nanoTime() - started) / 1_000_000);
    }

    /** Moves the table's identity past the explicit ids just inserted. */
    void resetIdentity(String table) {
        jdbc.queryForObject("SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM " + table + "))",
                Long.class, table);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    private static void execute(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    bind(statement, index++, value);
                }
            }
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, value);
        }
    }

    /** New tickets continue after the loaded ones, on each number. */
    void resetTicketNumbers() {
        jdbc.queryForList("SELECT reset_ticket_numbers()");
    }
}
