package br.com.balcao.tickets;

import java.time.Instant;

/**
 * A customer's message to store: the contact is known, the engine decides the ticket. {@code implausibleTimestamp}
 * is WhatsApp's own timestamp (Unix seconds) when it was implausible and {@code sentAt} is the time it arrived.
 */
public record IncomingMessage(long numberId, long contactId, String wamid, Instant sentAt, MessageType type,
        String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
        Double latitude, Double longitude, Long implausibleTimestamp) {
}
