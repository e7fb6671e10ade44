package br.com.balcao.conversations;

import br.com.balcao.live.LiveEvent;
import br.com.balcao.tickets.TicketConflictException;
import br.com.balcao.tickets.TicketStatus;
import br.com.balcao.tickets.TicketTransferRequests;
import br.com.balcao.tickets.TicketTransferRequests.Decided;
import br.com.balcao.tickets.TransferStatus;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfer requests as the pages see them: the engine's ({@link TicketTransferRequests}), each step announced
 * live, and the panel of requests an agent has to answer.
 */
@Service
class TransferRequests {

    static final String REQUESTED = "TransferRequested";
    static final String ACCEPTED = "TransferAccepted";
    static final String DECLINED = "TransferDeclined";

    private final JdbcTemplate jdbc;
    private final TicketTransferRequests requests;
    private final ApplicationEventPublisher events;

    TransferRequests(JdbcTemplate jdbc, TicketTransferRequests requests, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
    }

    /** The ticket (in service by someone else) is requested; a second pending request is refused. */
    @Transactional
    long request(ConversationHeader conversation, long requesterId) {
        if (!conversation.inService() || conversation.servedBy(requesterId)) {
            throw new TicketConflictException("not-in-service");
        }
        long id = requests.request(conversation.ticketId(), conversation.agentId(), requesterId);
        events.publishEvent(new LiveEvent(REQUESTED, conversation.numberId(), conversation.contactId(),
                conversation.ticketId(), null, conversation.agentId()));
        return id;
    }

    /** The pending requests for tickets the agent still serves, oldest first. */
    @Transactional(readOnly = true)
    List<IncomingTransferRequest> incoming(long agentId) {
        return jdbc.query("""
                SELECT p.id, t.id AS ticket_id, t.ticket_number, c.id AS contact_id, c.name AS contact_name,
                       c.phone_e164, n.name AS number_name, r.name AS requester_name, p.created_at
                  FROM transfer_requests p
                  JOIN tickets t ON t.id = p.ticket_id AND t.agent_id = p.current_agent_id AND %1$s
                  JOIN contacts c ON c.id = t.contact_id
                  JOIN business_numbers n ON n.id = t.number_id
                  JOIN app_users r ON r.id = p.requester_id
                 WHERE p.current_agent_id = ? AND %2$s
                 ORDER BY p.created_at, p.id
                """.formatted(TicketStatus.sqlWithAgent("t.status"), TransferStatus.PENDING.sqlCondition("p.status")),
                (row, i) -> new IncomingTransferRequest(row.getLong("id"), row.getLong("ticket_id"),
                        row.getLong("ticket_number"), row.getLong("contact_id"), row.getString("contact_name"),
                        row.getString("phone_e164"), row.getString("number_name"), row.getString("requester_name"),
                        row.getTimestamp("created_at").toInstant()), agentId);
    }

    /** The serving agent hands the ticket over to the requester. Returns the requester's new ticket. */
    @Transactional
    long accept(long requestId, long agentId) {
        return announce(ACCEPTED, requests.accept(requestId, agentId)).ticketId();
    }

    /** The serving agent keeps the ticket; the requester is told. */
    @Transactional
    void decline(long requestId, long agentId) {
        announce(DECLINED, requests.decline(requestId, agentId));
    }

    private Decided announce(String kind, Decided decided) {
        events.publishEvent(new LiveEvent(kind, decided.numberId(), decided.contactId(), decided.ticketId(), null,
                decided.requesterId()));
        return decided;
    }
}
