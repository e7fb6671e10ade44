package br.com.balcao.desk;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A message as the Desk timeline draws it. {@code implausibleTimestamp} is WhatsApp's own time of a customer's
 * message (Unix seconds) when it was implausible, and {@code createdAt} the time it arrived; null otherwise.
 */
public record TimelineEntry(long id, long ticketId, boolean inbound, AuthorType authorType, String authorName,
        MessageType type, List<TextSegment> text, String mediaFileName, String mediaMimeType, String mediaCaption,
        Double latitude, Double longitude, String templateName, DeliveryStatus status, String errorMessage,
        Instant createdAt, Long implausibleTimestamp) {

    private static final DateTimeFormatter WHATSAPP_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");

    /** WhatsApp's implausible time in the zone, or its Unix seconds where no calendar reaches. */
    public String whatsappTime(ZoneId zone) {
        try {
            return WHATSAPP_TIME.format(Instant.ofEpochSecond(implausibleTimestamp).atZone(zone));
        } catch (DateTimeException beyondTheCalendar) {
            return implausibleTimestamp + " s";
        }
    }

    public boolean media() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT;
    }
}
