package br.com.balcao.tickets;

import java.time.Instant;

/**
 * A message as a timeline shows it. {@code readReceiptAt}: for a customer's message, when WhatsApp was told the
 * business read it (the customer's blue ticks); null until then and for the business's own messages.
 */
public record MessageView(long id, Long ticketId, Direction direction, AuthorType authorType, MessageType type,
        String text, String mediaFileName, String mediaCaption, DeliveryStatus status, String errorMessage,
        Instant createdAt, Instant readReceiptAt) {

    public boolean inbound() {
        return direction == Direction.INBOUND;
    }
}
