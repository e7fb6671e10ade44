package br.com.balcao.tickets;

import br.com.balcao.tickets.TicketEvents.MessageStatusChanged;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery statuses reported by WhatsApp. They may arrive twice, late or out of order; a status only
 * moves forward (sent, delivered, read), and a failure counts only before delivery.
 */
@Service
public class DeliveryStatuses {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DeliveryStatuses(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Records the status; false when it changed nothing (unknown message, or not a step forward). */
    @Transactional
    public boolean record(long numberId, String wamid, DeliveryStatus status, Instant at, Integer errorCode,
                          String errorMessage) {
        Timestamp when = Timestamp.from(at);
        var changed = jdbc.query("""
                UPDATE messages SET status = ?,
                       sent_at      = COALESCE(sent_at, ?),
                       delivered_at = CASE WHEN ? IN ('DELIVERED', 'READ') THEN COALESCE(delivered_at, ?) ELSE delivered_at END,
                       read_at      = CASE WHEN ? = 'READ' THEN COALESCE(read_at, ?) ELSE read_at END,
                       error_code   = CASE WHEN ? = 'FAILED' THEN ? ELSE error_code END,
                       error_message = CASE WHEN ? = 'FAILED' THEN ? ELSE error_message END,
                       next_attempt_at = NULL
                 WHERE id = (SELECT message_id FROM message_wamids WHERE number_id = ? AND wamid = ?)
                   AND created_at = (SELECT created_at FROM message_wamids WHERE number_id = ? AND wamid = ?)
                   AND direction = 'OUTBOUND'
                   AND CASE status WHEN 'PENDING' THEN 0 WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2
                                   WHEN 'READ' THEN 3 ELSE 9 END
                     < CASE ? WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3 WHEN 'FAILED' THEN 2 END
                RETURNING id, contact_id
                """, (row, i) -> new long[] {row.getLong(1), row.getLong(2)},
                status.name(), when, status.name(), when, status.name(), when,
                status.name(), errorCode, status.name(), errorMessage,
                numberId, wamid, numberId, wamid, status.name());
        changed.forEach(ids -> events.publishEvent(new MessageStatusChanged(numberId, ids[1], ids[0], status)));
        return !changed.isEmpty();
    }
}
