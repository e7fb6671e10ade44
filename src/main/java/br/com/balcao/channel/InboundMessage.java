package br.com.balcao.channel;

import br.com.balcao.tickets.MessageType;
import java.time.Instant;

/**
 * One customer message as the webhook delivered it, already read out of Meta's envelope. Buttons and
 * interactive replies arrive as TEXT with the text the customer tapped. {@code implausibleTimestamp} is Meta's
 * timestamp (Unix seconds) when it was implausible and {@code sentAt} is the time the webhook arrived instead
 * (see {@link WebhookTimestamp}); null otherwise. {@code contextWamid} is the message it replies to (Meta's
 * {@code context.id}); {@code payload} the JSON kept for the types without a text of their own (CONTACTS,
 * UNSUPPORTED); {@code voice} marks an audio recorded as a voice note (Meta's {@code audio.voice}).
 */
public record InboundMessage(String wamid, String fromWaId, String profileName, Instant sentAt, MessageType type,
        String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
        Double latitude, Double longitude, Long implausibleTimestamp, String contextWamid, String payload,
        boolean voice) {

    /** A message that is no voice note. */
    public InboundMessage(String wamid, String fromWaId, String profileName, Instant sentAt, MessageType type,
            String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
            Double latitude, Double longitude, Long implausibleTimestamp, String contextWamid, String payload) {
        this(wamid, fromWaId, profileName, sentAt, type, text, mediaId, mediaMimeType, mediaFileName, mediaCaption,
                latitude, longitude, implausibleTimestamp, contextWamid, payload, false);
    }

    /** A message replying to nothing, with no payload. */
    public InboundMessage(String wamid, String fromWaId, String profileName, Instant sentAt, MessageType type,
            String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
            Double latitude, Double longitude, Long implausibleTimestamp) {
        this(wamid, fromWaId, profileName, sentAt, type, text, mediaId, mediaMimeType, mediaFileName, mediaCaption,
                latitude, longitude, implausibleTimestamp, null, null);
    }

    public static InboundMessage text(String wamid, String fromWaId, String profileName, Instant sentAt, String text) {
        return new InboundMessage(wamid, fromWaId, profileName, sentAt, MessageType.TEXT, text,
                null, null, null, null, null, null, null);
    }

    /** The same message, replying to the message WhatsApp knows as {@code contextWamid} (null: to none). */
    InboundMessage replyingTo(String contextWamid) {
        return new InboundMessage(wamid, fromWaId, profileName, sentAt, type, text, mediaId, mediaMimeType,
                mediaFileName, mediaCaption, latitude, longitude, implausibleTimestamp, contextWamid, payload, voice);
    }
}
