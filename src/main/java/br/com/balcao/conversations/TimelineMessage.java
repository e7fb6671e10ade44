package br.com.balcao.conversations;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * A message of the contact timeline, with the ticket it belongs to (null for automation outside a ticket) so
 * that the page marks where one ticket ends and the next begins.
 */
public record TimelineMessage(long id, Long ticketId, Long ticketNumber, TicketStatus ticketStatus, boolean inbound,
        AuthorType authorType, String authorName, MessageType type, List<Highlighted> text, String mediaFileName,
        String mediaCaption, String templateName, DeliveryStatus status, String errorMessage, Instant createdAt) {

    public boolean media() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT;
    }

    public boolean automation() {
        return authorType == AuthorType.AUTOMATION;
    }

    public boolean location() {
        return type == MessageType.LOCATION;
    }

    /** The key of the ticket group: messages outside a ticket form their own group. */
    public String ticketKey() {
        return ticketId == null ? "none" : String.valueOf(ticketId);
    }
}
