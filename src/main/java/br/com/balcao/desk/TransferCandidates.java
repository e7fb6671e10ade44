package br.com.balcao.desk;

import br.com.balcao.security.AgentStatus;
import br.com.balcao.tickets.AgentCapacity;
import br.com.balcao.tickets.TicketStatus;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who a ticket may be handed to: the other enabled agents of its number with REPLY, online ones first. */
@Component
@Transactional(readOnly = true)
class TransferCandidates {

    private final JdbcTemplate jdbc;

    TransferCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One agent to transfer to, with their status and how many tickets they serve now out of their slots. */
    public record Candidate(long id, String name, String status, long activeTickets, int slots) {

        public boolean full() {
            return new AgentCapacity(activeTickets, slots).full();
        }
    }

    List<Candidate> of(long numberId, long excludingUserId) {
        return jdbc.query("""
                SELECT u.id, u.name, u.status, u.ticket_slots,
                       (SELECT count(*) FROM tickets t
                         WHERE t.agent_id = u.id AND %s) AS active_tickets
                  FROM memberships m JOIN app_users u ON u.id = m.user_id
                 WHERE m.number_id = ? AND m.can_reply AND u.enabled AND u.id <> ?
                 ORDER BY %s, lower(u.name), u.id
                """.formatted(TicketStatus.sqlWithAgent("t.status"), AgentStatus.sqlOrder("u.status")),
                (row, i) -> new Candidate(row.getLong("id"), row.getString("name"), row.getString("status"),
                        row.getLong("active_tickets"), row.getInt("ticket_slots")), numberId, excludingUserId);
    }
}
