package br.com.balcao.desk;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import java.time.Instant;
import java.util.List;

/** A message as the Desk timeline draws it. */
public record TimelineEntry(long id, long ticketId, boolean inbound, AuthorType authorType, String authorName,
        MessageType type, List<TextSegment> text, String mediaFileName, String mediaMimeType, String mediaCaption,
        Double latitude, Double longitude, String templateName, DeliveryStatus status, String errorMessage,
        Instant createdAt) {

    public boolean media() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT;
    }
}
