package br.com.balcao.tickets;

import br.com.balcao.security.AgentStatusService;
import br.com.balcao.tickets.TicketEvents.TicketAssigned;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An agent's slots and the assignment of a waiting ticket to them: the one way both the distribution and an
 * agent taking from the queue fill a slot. The agent's row is locked before their tickets are counted, so
 * that two assignments to one agent never both see the last free slot.
 */
@Component
record AgentSlots(JdbcTemplate jdbc, TicketStore store, AgentStatusService agents, ApplicationEventPublisher events) {

    /** An agent as seen under their row lock. */
    record LockedAgent(boolean online, boolean enabled, AgentCapacity capacity) {

        boolean mayReceive() {
            return online && enabled && !capacity.full();
        }
    }

    private static final String ACTIVE_TICKETS = """
            (SELECT count(*) FROM tickets t WHERE t.agent_id = u.id AND %s)
            """.formatted(TicketStatus.sqlWithAgent("t.status"));

    Optional<LockedAgent> lock(long agentId) {
        // Lock first, count in a new statement: under READ COMMITTED it sees every assignment to this
        // agent that committed while we waited for the lock (assigning takes the same lock).
        jdbc.queryForList("SELECT id FROM app_users WHERE id = ? FOR UPDATE", Long.class, agentId);
        return jdbc.query("SELECT u.status, u.enabled, u.ticket_slots, " + ACTIVE_TICKETS + " AS active"
                        + " FROM app_users u WHERE u.id = ?",
                (row, i) -> new LockedAgent("ONLINE".equals(row.getString("status")), row.getBoolean("enabled"),
                        new AgentCapacity(row.getLong("active"), row.getInt("ticket_slots"))), agentId)
                .stream().findFirst();
    }

    AgentCapacity capacityOf(long agentId) {
        return jdbc.query("SELECT u.ticket_slots, " + ACTIVE_TICKETS + " AS active FROM app_users u WHERE u.id = ?",
                (row, i) -> new AgentCapacity(row.getLong("active"), row.getInt("ticket_slots")), agentId)
                .stream().findFirst().orElse(new AgentCapacity(0, 0));
    }

    boolean answersSomewhere(long agentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = ? AND can_reply)", Boolean.class, agentId));
    }

    boolean mayReply(long agentId, long numberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = ? AND number_id = ? AND can_reply)",
                Boolean.class, agentId, numberId));
    }

    /** Whether the user may be handed a ticket of the number: an enabled member with REPLY. */
    boolean mayBeHanded(long agentId, long numberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM memberships m JOIN app_users u ON u.id = m.user_id
                                WHERE m.user_id = ? AND m.number_id = ? AND m.can_reply AND u.enabled)
                """, Boolean.class, agentId, numberId));
    }

    /** Gives the waiting ticket (locked by the caller) to the agent (locked by {@link #lock}) and announces it. */
    void assign(long numberId, long ticketId, long agentId, Instant at) {
        store.assign(ticketId, agentId, at);
        assigned(numberId, ticketId, agentId, at);
    }

    /** What follows any assignment, the engine's or a page's: the agent's idle time restarts, and it is announced. */
    void assigned(long numberId, long ticketId, long agentId, Instant at) {
        agents.recordAssignment(agentId, at);
        events.publishEvent(new TicketAssigned(numberId, ticketId, agentId));
    }
}
