package br.com.balcao.contacts;

import static br.com.balcao.shared.Timestamps.instant;

import br.com.balcao.contacts.ImportLine.Rejection;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The import jobs' rows: created at the preview, advanced batch by batch, and their rejected lines. */
@Component
record ImportJobs(JdbcTemplate jdbc) {

    private static final String COLUMNS = """
            SELECT id, number_id, user_id, file_name, header, separator, status, total_lines, processed, created,
                   updated, unchanged, rejected, created_at, started_at, finished_at FROM contact_imports
            """;

    long create(long numberId, long userId, String fileName, List<String> header, char separator, int totalLines,
                Instant now) {
        return jdbc.queryForObject("""
                INSERT INTO contact_imports (number_id, user_id, file_name, header, separator, status, total_lines,
                                             created_at)
                VALUES (?, ?, ?, ?::text[], ?, 'PREVIEWED', ?, ?) RETURNING id
                """, Long.class, numberId, userId, fileName, header.toArray(String[]::new), String.valueOf(separator),
                totalLines, Timestamp.from(now));
    }

    Optional<ImportJob> find(long importId) {
        return jdbc.query(COLUMNS + " WHERE id = ?", ImportJobs::job, importId).stream().findFirst();
    }

    List<ImportJob> running() {
        return jdbc.query(COLUMNS + " WHERE status = 'RUNNING' ORDER BY id", ImportJobs::job);
    }

    /** PREVIEWED to RUNNING; false when the import was started already (by another click). */
    boolean markRunning(long importId, Instant now) {
        return jdbc.update("UPDATE contact_imports SET status = 'RUNNING', started_at = ? WHERE id = ? AND status = 'PREVIEWED'",
                Timestamp.from(now), importId) == 1;
    }

    void advance(long importId, int processed, ImportBatchWriter.Counts counts, int rejected) {
        jdbc.update("""
                UPDATE contact_imports SET processed = processed + ?, created = created + ?, updated = updated + ?,
                                           unchanged = unchanged + ?, rejected = rejected + ?
                 WHERE id = ?
                """, processed, counts.created(), counts.updated(), counts.unchanged(), rejected, importId);
    }

    void finish(long importId, ImportJob.Status status, Instant now) {
        jdbc.update("UPDATE contact_imports SET status = ?, finished_at = ? WHERE id = ?", status.name(),
                Timestamp.from(now), importId);
    }

    void reject(long importId, List<ImportLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO contact_import_rejections (import_id, line_number, reason, detail, line_values)
                VALUES (?, ?, ?, ?, ?::text[])
                """, lines, lines.size(), (statement, line) -> {
            Rejection rejection = line.rejection();
            statement.setLong(1, importId);
            statement.setInt(2, line.number());
            statement.setString(3, rejection.reason().name());
            statement.setString(4, rejection.detail() == null ? null : truncate(rejection.detail()));
            statement.setArray(5, statement.getConnection().createArrayOf("text", line.values().toArray()));
        });
    }

    /** The rejected lines in the file's order, handed one by one (for the page's first ones or the whole CSV). */
    void rejections(long importId, int limit, RowCallbackHandler handler) {
        jdbc.query("""
                SELECT line_number, reason, detail, line_values FROM contact_import_rejections
                 WHERE import_id = ? ORDER BY line_number LIMIT ?
                """, handler, importId, limit);
    }

    static ImportLine rejectedLine(ResultSet row) throws SQLException {
        return ImportLine.rejected(row.getInt("line_number"), strings(row.getArray("line_values")),
                ImportLine.Reason.valueOf(row.getString("reason")), row.getString("detail"));
    }

    private static ImportJob job(ResultSet row, int index) throws SQLException {
        return new ImportJob(row.getLong("id"), row.getLong("number_id"), row.getLong("user_id"),
                row.getString("file_name"), strings(row.getArray("header")), row.getString("separator").charAt(0),
                ImportJob.Status.valueOf(row.getString("status")), row.getInt("total_lines"), row.getInt("processed"),
                row.getInt("created"), row.getInt("updated"), row.getInt("unchanged"), row.getInt("rejected"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(value -> value == null ? "" : value.toString()).toList();
    }

    private static String truncate(String value) {
        return value.length() <= 120 ? value : value.substring(0, 120);
    }
}
