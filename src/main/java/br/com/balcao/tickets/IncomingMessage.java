package br.com.balcao.tickets;

import java.time.Instant;

/**
 * A customer's message to store: the contact is known, the engine decides the ticket. {@code implausibleTimestamp}
 * is WhatsApp's own timestamp (Unix seconds) when it was implausible and {@code sentAt} is the time it arrived.
 * {@code contextWamid} is the message it replies to; {@code payload} the JSON of a type without a text of its own;
 * {@code voice} marks a voice note.
 */
public record IncomingMessage(long numberId, long contactId, String wamid, Instant sentAt, MessageType type,
        String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
        Double latitude, Double longitude, Long implausibleTimestamp, String contextWamid, String payload,
        boolean voice) {

    /** A message that is no voice note. */
    public IncomingMessage(long numberId, long contactId, String wamid, Instant sentAt, MessageType type,
            String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
            Double latitude, Double longitude, Long implausibleTimestamp, String contextWamid, String payload) {
        this(numberId, contactId, wamid, sentAt, type, text, mediaId, mediaMimeType, mediaFileName, mediaCaption,
                latitude, longitude, implausibleTimestamp, contextWamid, payload, false);
    }

    /** A message replying to nothing, with no payload. */
    public IncomingMessage(long numberId, long contactId, String wamid, Instant sentAt, MessageType type,
            String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
            Double latitude, Double longitude, Long implausibleTimestamp) {
        this(numberId, contactId, wamid, sentAt, type, text, mediaId, mediaMimeType, mediaFileName, mediaCaption,
                latitude, longitude, implausibleTimestamp, null, null);
    }
}
