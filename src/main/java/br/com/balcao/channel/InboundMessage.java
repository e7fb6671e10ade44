package br.com.balcao.channel;

import br.com.balcao.tickets.MessageType;
import java.time.Instant;

/**
 * One customer message as the webhook delivered it, already read out of Meta's envelope. Buttons and
 * interactive replies arrive as TEXT with the text the customer tapped. {@code implausibleTimestamp} is Meta's
 * timestamp (Unix seconds) when it was implausible and {@code sentAt} is the time the webhook arrived instead
 * (see {@link WebhookTimestamp}); null otherwise.
 */
public record InboundMessage(String wamid, String fromWaId, String profileName, Instant sentAt, MessageType type,
        String text, String mediaId, String mediaMimeType, String mediaFileName, String mediaCaption,
        Double latitude, Double longitude, Long implausibleTimestamp) {

    public static InboundMessage text(String wamid, String fromWaId, String profileName, Instant sentAt, String text) {
        return new InboundMessage(wamid, fromWaId, profileName, sentAt, MessageType.TEXT, text,
                null, null, null, null, null, null, null);
    }
}
