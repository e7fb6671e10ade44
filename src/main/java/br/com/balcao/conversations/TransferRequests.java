package br.com.balcao.conversations;

import br.com.balcao.live.LiveEvent;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketConflictException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent asks for a ticket another agent is serving; the serving agent accepts (the engine's transfer:
 * the ticket closes as TRANSFERRED and a linked one is assigned to the requester) or declines. One pending
 * request per ticket, kept by the database's partial unique index. Each step is announced live.
 */
@Service
class TransferRequests {

    static final String REQUESTED = "TransferRequested";
    static final String ACCEPTED = "TransferAccepted";
    static final String DECLINED = "TransferDeclined";

    private final JdbcTemplate jdbc;
    private final TicketActions actions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TransferRequests(JdbcTemplate jdbc, TicketActions actions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    /** The ticket (in service by someone else) is requested; a second pending request is refused. */
    @Transactional
    long request(ConversationHeader conversation, long requesterId) {
        if (!conversation.inService() || conversation.servedBy(requesterId)) {
            throw new TicketConflictException("not-in-service");
        }
        Boolean replies = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM memberships WHERE user_id = ? AND number_id = ? AND can_reply)",
                Boolean.class, requesterId, conversation.numberId());
        if (!Boolean.TRUE.equals(replies)) {
            throw new TicketConflictException("not-an-agent");
        }
        List<Long> created = jdbc.queryForList("""
                INSERT INTO transfer_requests (ticket_id, requester_id, current_agent_id, status, created_at)
                SELECT t.id, ?, t.agent_id, 'PENDING', ?
                  FROM tickets t WHERE t.id = ? AND t.status IN ('ASSIGNED', 'OPEN') AND t.agent_id = ?
                ON CONFLICT (ticket_id) WHERE status = 'PENDING' DO NOTHING
                RETURNING id
                """, Long.class, requesterId, Timestamp.from(clock.instant()), conversation.ticketId(),
                conversation.agentId());
        if (created.isEmpty()) {
            throw new TicketConflictException("transfer-pending");
        }
        events.publishEvent(new LiveEvent(REQUESTED, conversation.numberId(), conversation.contactId(),
                conversation.ticketId(), null, conversation.agentId()));
        return created.get(0);
    }

    /** The pending requests for tickets the agent still serves, oldest first. */
    @Transactional(readOnly = true)
    List<IncomingTransferRequest> incoming(long agentId) {
        return jdbc.query("""
                SELECT p.id, t.id AS ticket_id, t.ticket_number, c.id AS contact_id, c.name AS contact_name,
                       c.phone_e164, n.name AS number_name, r.name AS requester_name, p.created_at
                  FROM transfer_requests p
                  JOIN tickets t ON t.id = p.ticket_id AND t.agent_id = p.current_agent_id
                                AND t.status IN ('ASSIGNED', 'OPEN')
                  JOIN contacts c ON c.id = t.contact_id
                  JOIN business_numbers n ON n.id = t.number_id
                  JOIN app_users r ON r.id = p.requester_id
                 WHERE p.current_agent_id = ? AND p.status = 'PENDING'
                 ORDER BY p.created_at, p.id
                """, (row, i) -> new IncomingTransferRequest(row.getLong("id"), row.getLong("ticket_id"),
                        row.getLong("ticket_number"), row.getLong("contact_id"), row.getString("contact_name"),
                        row.getString("phone_e164"), row.getString("number_name"), row.getString("requester_name"),
                        row.getTimestamp("created_at").toInstant()), agentId);
    }

    /** The serving agent hands the ticket over to the requester. Returns the requester's new ticket. */
    @Transactional
    long accept(long requestId, long agentId) {
        Pending pending = lockPending(requestId, agentId);
        long newTicket = actions.transfer(pending.ticketId(), agentId, pending.requesterId());
        decide(requestId, "ACCEPTED");
        events.publishEvent(new LiveEvent(ACCEPTED, pending.numberId(), pending.contactId(), newTicket, null,
                pending.requesterId()));
        return newTicket;
    }

    /** The serving agent keeps the ticket; the requester is told. */
    @Transactional
    void decline(long requestId, long agentId) {
        Pending pending = lockPending(requestId, agentId);
        decide(requestId, "DECLINED");
        events.publishEvent(new LiveEvent(DECLINED, pending.numberId(), pending.contactId(), pending.ticketId(), null,
                pending.requesterId()));
    }

    private record Pending(long ticketId, long requesterId, long numberId, long contactId) {
    }

    /** The agent's pending request, locked; anyone else's or a decided one is not found. */
    private Pending lockPending(long requestId, long agentId) {
        return jdbc.query("""
                SELECT p.ticket_id, p.requester_id, t.number_id, t.contact_id
                  FROM transfer_requests p JOIN tickets t ON t.id = p.ticket_id
                 WHERE p.id = ? AND p.current_agent_id = ? AND p.status = 'PENDING'
                   FOR UPDATE OF p
                """, (row, i) -> new Pending(row.getLong("ticket_id"), row.getLong("requester_id"),
                        row.getLong("number_id"), row.getLong("contact_id")), requestId, agentId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("transfer request"));
    }

    private void decide(long requestId, String status) {
        jdbc.update("UPDATE transfer_requests SET status = ?, decided_at = ? WHERE id = ?", status,
                Timestamp.from(clock.instant()), requestId);
    }
}
