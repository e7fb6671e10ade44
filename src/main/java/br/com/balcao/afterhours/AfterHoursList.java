package br.com.balcao.afterhours;

import br.com.balcao.shared.database.replica.ReadsFromReplica;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts who wrote to a number outside its service hours in the last 7 days, newest first, a page at a
 * time (keyset: the page after a given row), read through the index {@code after_hours_contacts_recent};
 * optionally only those whose last conversation was with a given agent (the agent of their latest ticket
 * that had one), so that agents find the customers of their own portfolio.
 */
@Component
@ReadsFromReplica
@Transactional(readOnly = true)
class AfterHoursList {

    static final Duration PERIOD = Duration.ofDays(7);
    static final int PAGE_SIZE = 100;

    private static final String COLUMNS = """
            SELECT a.id, a.number_id, a.contact_id, a.contact_name, a.phone, a.first_contact_at, a.return_requested,
                   a.active_message_sent_at, u.name AS sent_by_name
              FROM after_hours_contacts a LEFT JOIN app_users u ON u.id = a.active_message_sent_by_id
            """;
    private static final String LAST_AGENT_IS = """
             AND (SELECT t.agent_id FROM tickets t WHERE t.contact_id = a.contact_id AND t.agent_id IS NOT NULL
                   ORDER BY t.created_at DESC, t.id DESC LIMIT 1) = ?
            """;

    private final JdbcTemplate jdbc;

    AfterHoursList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a page starts: right after (older than) the row with this contact time and id. */
    record Cursor(Instant contactAt, long id) {
    }

    /**
     * A page of rows older than the cursor (the newest when null), with one row more when another page follows;
     * with {@code lastAgentId}, only the contacts whose last conversation was with that agent.
     */
    List<AfterHoursRow> recent(long numberId, Instant now, Long lastAgentId, Cursor after) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE a.number_id = ? AND a.first_contact_at >= ?");
        List<Object> arguments = new ArrayList<>(List.of(numberId, Timestamp.from(now.minus(PERIOD))));
        if (lastAgentId != null) {
            sql.append(LAST_AGENT_IS);
            arguments.add(lastAgentId);
        }
        if (after != null) {
            sql.append(" AND (a.first_contact_at, a.id) < (?, ?)");
            arguments.add(Timestamp.from(after.contactAt()));
            arguments.add(after.id());
        }
        sql.append(" ORDER BY a.first_contact_at DESC, a.id DESC LIMIT ?");
        arguments.add(PAGE_SIZE + 1);
        return jdbc.query(sql.toString(), AfterHoursList::row, arguments.toArray());
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
