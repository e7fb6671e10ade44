package br.com.balcao.conversations;

import br.com.balcao.tickets.TicketStatus;
import br.com.balcao.tickets.TransferStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads a contact page's header in one statement. */
@Component
@Transactional(readOnly = true)
class ConversationHeaders {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConversationsProperties properties;

    ConversationHeaders(JdbcTemplate jdbc, Clock clock, ConversationsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Optional<ConversationHeader> of(long contactId, long userId) {
        return jdbc.query("""
                SELECT c.id, c.name, c.phone_e164, c.number_id, n.name AS number_name, n.time_zone,
                       t.id AS ticket_id, t.ticket_number, t.status AS ticket_status, t.agent_id,
                       u.name AS agent_name, t.created_at AS ticket_created_at, t.opened_by_active_message,
                       EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = c.id AND m.created_at >= ?) AS has_history,
                       p.id AS pending_id, p.requester_id AS pending_requester_id, r.name AS pending_requester_name,
                       EXISTS (SELECT 1 FROM transfer_requests d
                                WHERE d.ticket_id = t.id AND d.requester_id = ? AND %2$s) AS declined
                  FROM contacts c
                  JOIN business_numbers n ON n.id = c.number_id
                  LEFT JOIN tickets t ON t.contact_id = c.id AND %1$s
                  LEFT JOIN app_users u ON u.id = t.agent_id
                  LEFT JOIN transfer_requests p ON p.ticket_id = t.id AND %3$s
                  LEFT JOIN app_users r ON r.id = p.requester_id
                 WHERE c.id = ?
                """.formatted(TicketStatus.sqlUnclosed("t.status"), TransferStatus.DECLINED.sqlCondition("d.status"),
                        TransferStatus.PENDING.sqlCondition("p.status")),
                ConversationHeaders::header, Timestamp.from(clock.instant().minus(properties.retention())),
                userId, contactId).stream().findFirst();
    }

    private static ConversationHeader header(ResultSet row, int index) throws SQLException {
        String status = row.getString("ticket_status");
        Timestamp created = row.getTimestamp("ticket_created_at");
        return new ConversationHeader(row.getLong("id"), row.getString("name"), row.getString("phone_e164"),
                row.getLong("number_id"), row.getString("number_name"), ZoneId.of(row.getString("time_zone")),
                (Long) row.getObject("ticket_id"), (Long) row.getObject("ticket_number"),
                status == null ? null : TicketStatus.valueOf(status), (Long) row.getObject("agent_id"),
                row.getString("agent_name"), created == null ? null : created.toInstant(),
                row.getBoolean("opened_by_active_message"), row.getBoolean("has_history"),
                (Long) row.getObject("pending_id"), (Long) row.getObject("pending_requester_id"),
                row.getString("pending_requester_name"), row.getBoolean("declined"));
    }
}
