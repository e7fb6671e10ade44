package br.com.balcao.tickets;

import static br.com.balcao.shared.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Read-only views of past and present tickets. */
@Service
public class RecentTickets {

    private final JdbcTemplate jdbc;

    RecentTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact's latest tickets, newest first. */
    public List<TicketSummary> recentOfContact(long contactId, int limit) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.status, t.close_reason, t.created_at, t.closed_at, u.name AS agent_name,
                       t.satisfaction
                  FROM tickets t LEFT JOIN app_users u ON u.id = t.agent_id
                 WHERE t.contact_id = ?
                 ORDER BY t.created_at DESC, t.id DESC
                 LIMIT ?
                """, RecentTickets::summary, contactId, limit);
    }

    private static TicketSummary summary(ResultSet row, int index) throws SQLException {
        String reason = row.getString("close_reason");
        return new TicketSummary(row.getLong("id"), row.getLong("ticket_number"),
                TicketStatus.valueOf(row.getString("status")), reason == null ? null : CloseReason.valueOf(reason),
                row.getString("agent_name"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("closed_at")), Satisfaction.of(row.getString("satisfaction")));
    }
}
