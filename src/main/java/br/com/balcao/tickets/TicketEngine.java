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
    private final MessageLog messageLog;
    private final ApplicationEventPublisher events;

    TicketEngine(TicketStore store, MessageLog messageLog, ApplicationEventPublisher events) {
        this.store = store;
        this.messageLog = messageLog;
        this.events = events;
    }

    /**
     * Stores a customer message in its ticket, in the caller's transaction. The exit keyword closes the
     * unclosed ticket (CLIENT, or LOST / ABANDONED when no agent had answered yet) and opens none. The ticket
     * is decided first so that the message is written once, with its ticket. {@code newContact} when the
     * contact was created by this message, in this transaction, so that it has no ticket to look for.
     *
     * @throws DuplicateMessageException when a concurrent delivery of the same message was stored first
     */
    @Transactional
    public Routed receive(IncomingMessage message, String exitKeyword, boolean newContact) {
        long numberId = message.numberId();
        long contactId = message.contactId();
        Optional<LockedTicket> unclosed = newContact ? Optional.empty() : store.lockUnclosedOf(contactId);
        if (isExitKeyword(message.text(), exitKeyword)) {
            Long ticketId = unclosed.map(LockedTicket::id).orElse(null);
            long messageId = storeOnce(message, ticketId);
            unclosed.ifPresent(ticket -> {
                CloseReason reason = TicketStore.customerLeft(ticket.status());
                store.close(ticket.id(), reason, message.sentAt());
                events.publishEvent(new TicketClosed(numberId, ticket.id(), ticket.agentId(), reason));
            });
            events.publishEvent(new MessageReceived(numberId, contactId, messageId, ticketId));
            return new Routed(messageId, ticketId);
        }
        LockedTicket ticket;
        boolean opened = false;
        if (unclosed.isPresent()) {
            ticket = unclosed.get();
        } else {
            TicketStore.Opened result = store.openByCustomer(numberId, contactId, message.sentAt());
            ticket = result.ticket();
            opened = result.isNew();
            if (opened) {
                events.publishEvent(new TicketCreated(numberId, ticket.id(), contactId));
            }
        }
        long messageId = storeOnce(message, ticket.id());
        if (!opened) { // a ticket opened by this message already has it as the customer's last
            store.customerWrote(ticket.id(), message.sentAt());
        }
        events.publishEvent(new MessageReceived(numberId, contactId, messageId, ticket.id()));
        return new Routed(messageId, ticket.id());
    }

    /**
     * Stores a customer message that no ticket takes (after hours); pages still show it live.
     *
     * @throws DuplicateMessageException when a concurrent delivery of the same message was stored first
     */
    @Transactional
    public long receiveUnrouted(IncomingMessage message) {
        long messageId = storeOnce(message, null);
        events.publishEvent(new MessageReceived(message.numberId(), message.contactId(), messageId, null));
        return messageId;
    }

    /** A stored customer message and the ticket it went to (null when it closed nothing and opened nothing). */
    public record Routed(long messageId, Long ticketId) {
    }

    private long storeOnce(IncomingMessage message, Long ticketId) {
        return messageLog.storeInbound(message, ticketId)
                .orElseThrow(() -> new DuplicateMessageException(message.wamid()));
    }

    static boolean isExitKeyword(String text, String exitKeyword) {
        return text != null && exitKeyword != null && !exitKeyword.isBlank()
                && text.strip().toLowerCase(Locale.ROOT).equals(exitKeyword.strip().toLowerCase(Locale.ROOT));
    }
}
