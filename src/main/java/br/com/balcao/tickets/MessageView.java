package br.com.balcao.tickets;

import java.time.Instant;

/** A message as a timeline shows it. */
public record MessageView(long id, Long ticketId, Direction direction, AuthorType authorType, MessageType type,
        String text, String mediaFileName, String mediaCaption, DeliveryStatus status, String errorMessage,
        Instant createdAt) {

    public boolean inbound() {
        return direction == Direction.INBOUND;
    }
}
