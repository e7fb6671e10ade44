package br.com.balcao.conversations;

import br.com.balcao.tickets.TicketStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets whose boundaries the contact's timeline marks, as they are now: the page redraws their states
 * live (a transfer closes one and opens another while the page is open), and marks the end of the timeline
 * with the unclosed ticket while it has no message yet (a ticket just transferred to the user).
 */
@Component
@Transactional(readOnly = true)
class TicketMarks {

    /** A contact has a handful of tickets in the retention period; this bounds a pathological one. */
    static final int MAX_MARKS = 200;

    record TicketMark(long ticketId, long ticketNumber, TicketStatus status, boolean hasMessages) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConversationsProperties properties;

    TicketMarks(JdbcTemplate jdbc, Clock clock, ConversationsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** The contact's tickets still open or closed within the retention period, newest first. */
    List<TicketMark> of(long contactId) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.status,
                       EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id) AS has_messages
                  FROM tickets t
                 WHERE t.contact_id = ? AND (%s OR t.closed_at >= ?)
                 ORDER BY t.created_at DESC, t.id DESC
                 LIMIT ?
                """.formatted(TicketStatus.sqlUnclosed("t.status")),
                (row, i) -> new TicketMark(row.getLong("id"), row.getLong("ticket_number"),
                        TicketStatus.valueOf(row.getString("status")), row.getBoolean("has_messages")),
                contactId, Timestamp.from(clock.instant().minus(properties.retention())), MAX_MARKS);
    }

    /** The unclosed ticket, when none of the timeline's messages belongs to it yet. */
    static Optional<TicketMark> withoutMessages(List<TicketMark> marks) {
        return marks.stream().filter(mark -> mark.status() != TicketStatus.CLOSED && !mark.hasMessages()).findFirst();
    }
}
