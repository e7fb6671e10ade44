package br.com.balcao.tickets;

import br.com.balcao.shared.NotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent asks for a ticket another agent is serving; the serving agent accepts (the transfer: the ticket
 * closes as TRANSFERRED and a linked one is assigned to the requester) or declines. One pending request per
 * ticket. The pages check who may see the ticket and announce each step.
 */
@Service
public class TicketTransferRequests {

    private final TransferRequestRepository requests;
    private final TicketRepository tickets;
    private final TicketActions actions;
    private final AgentSlots slots;
    private final Clock clock;

    TicketTransferRequests(TransferRequestRepository requests, TicketRepository tickets, TicketActions actions,
                           AgentSlots slots, Clock clock) {
        this.requests = requests;
        this.tickets = tickets;
        this.actions = actions;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * A decided request: the number and contact of its ticket, the requester, and the ticket the requester now
     * looks at (their new ticket when accepted, the requested one when declined).
     */
    public record Decided(long numberId, long contactId, long requesterId, long ticketId) {
    }

    /**
     * The requester asks for the ticket that {@code servingAgentId} serves. Returns the request's id.
     *
     * @throws TicketConflictException "not-an-agent" when the requester has no REPLY on the ticket's number,
     *                                 "transfer-pending" when the ticket is requested already or no longer served
     *                                 by that agent
     */
    @Transactional
    public long request(long ticketId, long servingAgentId, long requesterId) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        if (!slots.mayReply(requesterId, ticket.getNumberId())) {
            throw new TicketConflictException("not-an-agent");
        }
        if (!ticket.servedBy(servingAgentId)
                || requests.findByTicketIdAndStatus(ticketId, TransferStatus.PENDING).isPresent()) {
            throw new TicketConflictException("transfer-pending");
        }
        return requests.save(new TransferRequest(ticketId, requesterId, servingAgentId, clock.instant())).getId();
    }

    /** The serving agent hands the ticket over to the requester. */
    @Transactional
    public Decided accept(long requestId, long agentId) {
        TransferRequest request = pending(requestId, agentId);
        long newTicket = actions.transfer(request.getTicketId(), agentId, request.getRequesterId());
        request.accept(clock.instant());
        return decided(request, newTicket);
    }

    /** The serving agent keeps the ticket. */
    @Transactional
    public Decided decline(long requestId, long agentId) {
        TransferRequest request = pending(requestId, agentId);
        request.decline(clock.instant());
        return decided(request, request.getTicketId());
    }

    /** The agent's pending request, locked; anyone else's or a decided one is not found. */
    private TransferRequest pending(long requestId, long agentId) {
        return requests.findLockedByIdAndCurrentAgentIdAndStatus(requestId, agentId, TransferStatus.PENDING)
                .orElseThrow(() -> new NotFoundException("transfer request"));
    }

    private Decided decided(TransferRequest request, long ticketId) {
        Ticket requested = tickets.findById(request.getTicketId()).orElseThrow();
        return new Decided(requested.getNumberId(), requested.getContactId(), request.getRequesterId(), ticketId);
    }
}
