package br.com.balcao.tickets;

/**
 * What the service engine announces, after the change is committed. Pages stream these to browsers;
 * the channel sends queued messages. Every event names its number, so listeners can filter by access.
 */
public final class TicketEvents {

    private TicketEvents() {
    }

    public sealed interface TicketEvent permits MessageReceived, MessageQueued, MessageStatusChanged,
            TicketCreated, TicketAssigned, TicketClosed, TicketTransferred, DetailsChanged, ReactionChanged {

        long numberId();
    }

    /** A customer's message was stored (once, whatever Meta's retries). ticketId is null after hours. */
    public record MessageReceived(long numberId, long contactId, long messageId, Long ticketId) implements TicketEvent {
    }

    /** An outbound message was stored PENDING and waits to be sent. */
    public record MessageQueued(long numberId, long contactId, long messageId, Long ticketId) implements TicketEvent {
    }

    public record MessageStatusChanged(long numberId, long contactId, long messageId, DeliveryStatus status)
            implements TicketEvent {
    }

    public record TicketCreated(long numberId, long ticketId, long contactId) implements TicketEvent {
    }

    public record TicketAssigned(long numberId, long ticketId, long agentId) implements TicketEvent {
    }

    public record TicketClosed(long numberId, long ticketId, Long agentId, CloseReason reason) implements TicketEvent {
    }

    public record TicketTransferred(long numberId, long ticketId, long newTicketId, long fromAgentId, long toAgentId)
            implements TicketEvent {
    }

    /** A ticket's tags or notes, or a contact's notes, changed; ticketId is null for a note on the contact. */
    public record DetailsChanged(long numberId, long contactId, Long ticketId) implements TicketEvent {
    }

    /** A reaction on a message was added, changed or taken back (by the customer or the business), or sent. */
    public record ReactionChanged(long numberId, long contactId, long messageId) implements TicketEvent {
    }
}
