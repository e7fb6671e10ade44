package br.com.balcao.tickets;

import br.com.balcao.contacts.ContactActivity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contact page's view of a contact's tickets, messages and notes. Two statements, whatever the history. */
@Component
@Transactional(readOnly = true)
class ContactActivityOfTickets implements ContactActivity {

    private static final String TICKETS = """
            SELECT t.id, t.ticket_number, t.status, t.close_reason, t.created_at, t.closed_at, u.name AS agent_name,
                   (SELECT count(*) FROM messages m WHERE m.ticket_id = t.id) AS messages
              FROM tickets t LEFT JOIN app_users u ON u.id = t.agent_id
             WHERE t.contact_id = ? AND (t.created_at >= ? OR %s)
             ORDER BY t.created_at DESC, t.id DESC
             LIMIT ?
            """.formatted(TicketStatus.sqlUnclosed("t.status"));

    private final JdbcTemplate jdbc;
    private final TicketDetails details;

    ContactActivityOfTickets(JdbcTemplate jdbc, TicketDetails details) {
        this.jdbc = jdbc;
        this.details = details;
    }

    @Override
    public List<TicketLine> tickets(long contactId, Instant since) {
        return jdbc.query(TICKETS, ContactActivityOfTickets::ticket, contactId, Timestamp.from(since), MAX_TICKETS);
    }

    @Override
    public List<Interaction> latestMessages(long contactId, Instant since) {
        return jdbc.query("""
                SELECT m.id, m.ticket_id, m.direction, m.author_type, u.name AS author_name, m.type,
                       COALESCE(m.body, m.media_caption, m.media_file_name, m.template_name) AS text, m.created_at
                  FROM messages m LEFT JOIN app_users u ON u.id = m.author_user_id
                 WHERE m.contact_id = ? AND m.created_at >= ?
                 ORDER BY m.created_at DESC, m.id DESC
                 LIMIT ?
                """, (row, i) -> new Interaction(row.getLong("id"), (Long) row.getObject("ticket_id"),
                        Direction.INBOUND.name().equals(row.getString("direction")), row.getString("author_type"),
                        row.getString("author_name"), row.getString("type"), row.getString("text"),
                        row.getTimestamp("created_at").toInstant()),
                contactId, Timestamp.from(since), LATEST_MESSAGES);
    }

    @Override
    public List<Note> notes(long contactId, int limit) {
        return details.notesOfContact(contactId, limit);
    }

    @Override
    @Transactional
    public void addNote(long contactId, long authorId, String text) {
        details.noteOnContact(contactId, authorId, text);
    }

    private static TicketLine ticket(ResultSet row, int index) throws SQLException {
        Timestamp closed = row.getTimestamp("closed_at");
        TicketStatus status = TicketStatus.valueOf(row.getString("status"));
        return new TicketLine(row.getLong("id"), row.getLong("ticket_number"), status.name(),
                row.getString("close_reason"), row.getString("agent_name"), row.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant(), row.getLong("messages"), status != TicketStatus.CLOSED);
    }
}
