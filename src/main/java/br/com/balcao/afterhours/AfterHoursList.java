package br.com.balcao.afterhours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts who wrote to a number outside its service hours in the last 7 days, newest first, a page at a
 * time (keyset: the page after a given row), read through the index {@code after_hours_contacts_recent}.
 */
@Component
@Transactional(readOnly = true)
class AfterHoursList {

    static final Duration PERIOD = Duration.ofDays(7);
    static final int PAGE_SIZE = 100;

    private static final String COLUMNS = """
            SELECT a.id, a.number_id, a.contact_id, a.contact_name, a.phone, a.first_contact_at, a.return_requested,
                   a.active_message_sent_at, u.name AS sent_by_name
              FROM after_hours_contacts a LEFT JOIN app_users u ON u.id = a.active_message_sent_by_id
            """;

    private final JdbcTemplate jdbc;

    AfterHoursList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a page starts: right after (older than) the row with this contact time and id. */
    record Cursor(Instant contactAt, long id) {
    }

    /** A page of rows older than the cursor (the newest when null), with one row more when another page follows. */
    List<AfterHoursRow> recent(long numberId, Instant now, Cursor after) {
        Timestamp since = Timestamp.from(now.minus(PERIOD));
        if (after == null) {
            return jdbc.query(COLUMNS + """
                     WHERE a.number_id = ? AND a.first_contact_at >= ?
                     ORDER BY a.first_contact_at DESC, a.id DESC
                     LIMIT ?
                    """, AfterHoursList::row, numberId, since, PAGE_SIZE + 1);
        }
        return jdbc.query(COLUMNS + """
                 WHERE a.number_id = ? AND a.first_contact_at >= ? AND (a.first_contact_at, a.id) < (?, ?)
                 ORDER BY a.first_contact_at DESC, a.id DESC
                 LIMIT ?
                """, AfterHoursList::row, numberId, since, Timestamp.from(after.contactAt()), after.id(),
                PAGE_SIZE + 1);
    }

    Optional<AfterHoursRow> find(long id) {
        return jdbc.query(COLUMNS + " WHERE a.id = ?", AfterHoursList::row, id).stream().findFirst();
    }

    private static AfterHoursRow row(ResultSet row, int index) throws SQLException {
        Timestamp sent = row.getTimestamp("active_message_sent_at");
        return new AfterHoursRow(row.getLong("id"), row.getLong("number_id"), row.getLong("contact_id"), row.getString("contact_name"),
                row.getString("phone"), row.getTimestamp("first_contact_at").toInstant(),
                ReturnRequest.valueOf(row.getString("return_requested")), sent == null ? null : sent.toInstant(),
                row.getString("sent_by_name"));
    }
}
