package br.com.balcao.tickets;

import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketStore.LockedTicket;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent takes a ticket from the queue themselves: the oldest, or one they chose. The same rules as the
 * distribution (a member with REPLY, below their slots, counted across all their numbers), whatever their
 * status: taking is a deliberate act, so an agent on a break may take one. The ticket row is locked before
 * the agent's, as the distribution does, so that a take and a drain never wait on each other in a cycle, and
 * a ticket is never given twice.
 */
@Service
public class TicketClaims {

    private final TicketStore store;
    private final TicketRepository tickets;
    private final AgentSlots slots;
    private final Clock clock;

    TicketClaims(TicketStore store, TicketRepository tickets, AgentSlots slots, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * Takes the oldest waiting ticket of the numbers (the caller passes those where the agent replies).
     * Returns its id.
     *
     * @throws TicketConflictException "queue-empty" when nothing waits, "full" when the agent has no free slot
     */
    @Transactional
    public long takeNext(long agentId, Collection<Long> numberIds) {
        if (numberIds.isEmpty()) {
            throw new TicketConflictException("queue-empty");
        }
        long ticketId = store.lockOldestWaiting(numberIds).map(LockedTicket::id)
                .orElseThrow(() -> new TicketConflictException("queue-empty"));
        return assign(tickets.lock(ticketId).orElseThrow(), agentId);
    }

    /**
     * Takes the chosen ticket, if it still waits.
     *
     * @throws TicketConflictException "taken" when someone got it first, "full" when the agent has no free slot,
     *                                 "not-an-agent" without REPLY on its number
     */
    @Transactional
    public void take(long ticketId, long agentId) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        if (ticket.getStatus() != TicketStatus.WAITING) {
            throw new TicketConflictException("taken");
        }
        assign(ticket, agentId);
    }

    /** The agent's tickets in service now out of their slots. */
    @Transactional(readOnly = true)
    public AgentCapacity capacityOf(long agentId) {
        return slots.capacityOf(agentId);
    }

    /** The capacity of a user who answers tickets on some number (a member with REPLY); empty for anyone else. */
    @Transactional(readOnly = true)
    public Optional<AgentCapacity> capacityIfAnswering(long userId) {
        return slots.answersSomewhere(userId) ? Optional.of(slots.capacityOf(userId)) : Optional.empty();
    }

    private long assign(Ticket ticket, long agentId) {
        if (!slots.mayReply(agentId, ticket.getNumberId())) {
            throw new TicketConflictException("not-an-agent");
        }
        AgentSlots.LockedAgent agent = slots.lock(agentId).orElseThrow(() -> new NotFoundException("agent"));
        if (!agent.enabled()) {
            throw new TicketConflictException("not-an-agent");
        }
        if (agent.capacity().full()) {
            throw new TicketConflictException("full");
        }
        Instant now = clock.instant();
        ticket.assign(agentId, now);
        slots.assigned(ticket.getNumberId(), ticket.getId(), agentId, now);
        return ticket.getId();
    }
}
