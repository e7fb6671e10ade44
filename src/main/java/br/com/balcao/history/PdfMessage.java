package br.com.balcao.history;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.MessageType;
import java.time.Instant;

/** One message as the PDF prints it. */
record PdfMessage(Instant createdAt, AuthorType authorType, String authorName, MessageType type, String body,
                  String mediaUrl, String mediaFileName, String mediaCaption, Double latitude, Double longitude,
                  String templateName) {

    boolean isMedia() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT;
    }

    boolean isLocation() {
        return type == MessageType.LOCATION && latitude != null && longitude != null;
    }
}
