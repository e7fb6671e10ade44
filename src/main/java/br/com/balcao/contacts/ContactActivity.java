package br.com.balcao.contacts;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the contact page shows of the contact's service: their tickets of a period (and any still open) with
 * their message counts, and their latest messages of the period. Two statements, whatever the history.
 */
@Component
@Transactional(readOnly = true)
class ContactActivity {

    static final int MAX_TICKETS = 200;
    static final int LATEST_MESSAGES = 30;

    private final JdbcTemplate jdbc;

    ContactActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record TicketLine(long id, long ticketNumber, TicketStatus status, CloseReason closeReason, String agentName,
            Instant createdAt, Instant closedAt, long messages) {

        public boolean open() {
            return status != TicketStatus.CLOSED;
        }
    }

    record Interaction(long id, Long ticketId, boolean inbound, String authorType, String authorName, String type,
            String text, Instant at) {
    }

    List<TicketLine> tickets(long contactId, Instant since) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.status, t.close_reason, t.created_at, t.closed_at, u.name AS agent_name,
                       (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id) AS messages
                  FROM tickets t LEFT JOIN app_users u ON u.id = t.agent_id
                 WHERE t.contact_id = ? AND (t.created_at >= ? OR %s)
                 ORDER BY t.created_at DESC, t.id DESC
                 LIMIT ?
                """.formatted(TicketStatus.sqlUnclosed("t.status")),
                ContactActivity::ticket, contactId, Timestamp.from(since), MAX_TICKETS);
    }

    List<Interaction> latestMessages(long contactId, Instant since) {
        return jdbc.query("""
                SELECT m.id, m.ticket_id, m.direction, m.author_type, u.name AS author_name, m.type,
                       COALESCE(m.body, m.media_caption, m.media_file_name, m.template_name) AS text, m.created_at
                  FROM messages m LEFT JOIN app_users u ON u.id = m.author_user_id
                 WHERE m.contact_id = ? AND m.created_at >= ?
                 ORDER BY m.created_at DESC, m.id DESC
                 LIMIT ?
                """, (row, i) -> new Interaction(row.getLong("id"), (Long) row.getObject("ticket_id"),
                        "INBOUND".equals(row.getString("direction")), row.getString("author_type"),
                        row.getString("author_name"), row.getString("type"), row.getString("text"),
                        row.getTimestamp("created_at").toInstant()),
                contactId, Timestamp.from(since), LATEST_MESSAGES);
    }

    private static TicketLine ticket(ResultSet row, int index) throws SQLException {
        String reason = row.getString("close_reason");
        Timestamp closed = row.getTimestamp("closed_at");
        return new TicketLine(row.getLong("id"), row.getLong("ticket_number"), TicketStatus.valueOf(row.getString("status")),
                reason == null ? null : CloseReason.valueOf(reason), row.getString("agent_name"),
                row.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant(),
                row.getLong("messages"));
    }
}
