package br.com.balcao.tickets;

import br.com.balcao.tickets.TicketEvents.MessageReceived;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.tickets.TicketEvents.TicketCreated;
import br.com.balcao.tickets.TicketStore.LockedTicket;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts each customer message in its ticket: the contact's unclosed one, or a new one in the queue. */
@Service
public class TicketEngine {

    private final TicketStore store;
    private final ApplicationEventPublisher events;

    TicketEngine(TicketStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Routes a stored customer message. The exit keyword closes the unclosed ticket (CLIENT, or LOST /
     * ABANDONED when no agent had answered yet) and opens none. Returns the ticket, if any.
     */
    @Transactional
    public Optional<Long> route(long numberId, long contactId, long messageId, String text, String exitKeyword,
                                Instant at) {
        Optional<LockedTicket> unclosed = store.lockUnclosedOf(contactId);
        if (isExitKeyword(text, exitKeyword)) {
            unclosed.ifPresent(ticket -> {
                store.attachMessage(messageId, ticket.id());
                CloseReason reason = TicketStore.customerLeft(ticket.status());
                store.close(ticket.id(), reason, at);
                events.publishEvent(new TicketClosed(numberId, ticket.id(), ticket.agentId(), reason));
            });
            events.publishEvent(new MessageReceived(numberId, contactId, messageId, unclosed.map(LockedTicket::id).orElse(null)));
            return unclosed.map(LockedTicket::id);
        }
        LockedTicket ticket = unclosed.orElseGet(() -> {
            TicketStore.Opened opened = store.openOrJoin(numberId, contactId, TicketStatus.WAITING, null, null,
                    false, at);
            if (opened.isNew()) {
                events.publishEvent(new TicketCreated(numberId, opened.ticket().id(), contactId));
            }
            return opened.ticket();
        });
        store.attachMessage(messageId, ticket.id());
        store.customerWrote(ticket.id(), at);
        events.publishEvent(new MessageReceived(numberId, contactId, messageId, ticket.id()));
        return Optional.of(ticket.id());
    }

    /** Records a message that no ticket takes (after hours), so that pages still show it live. */
    public void unrouted(long numberId, long contactId, long messageId) {
        events.publishEvent(new MessageReceived(numberId, contactId, messageId, null));
    }

    static boolean isExitKeyword(String text, String exitKeyword) {
        return text != null && exitKeyword != null && !exitKeyword.isBlank()
                && text.strip().toLowerCase(Locale.ROOT).equals(exitKeyword.strip().toLowerCase(Locale.ROOT));
    }
}
