package br.com.balcao.history;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.MessageType;
import java.time.Instant;

/** One message as the PDF prints it. */
record PdfMessage(long id, Instant createdAt, AuthorType authorType, String authorName, MessageType type,
                  String body, String mediaId, Long mediaFileId, String mediaUrl, String mediaFileName, String mediaCaption, Double latitude, Double longitude,
                  String templateName) {

    boolean isMedia() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT;
    }

    /**
     * Where the file opens: the address stored with the message, or else the helpdesk's own media page, which
     * serves the file the app keeps, or fetches it from WhatsApp, for a signed-in user of the number. Null when
     * there is neither.
     */
    String mediaLink(String helpdeskUrl) {
        if (mediaUrl != null && !mediaUrl.isBlank()) {
            return mediaUrl;
        }
        return mediaId == null && mediaFileId == null ? null : helpdeskUrl + "/messages/" + id + "/media";
    }

    boolean isLocation() {
        return type == MessageType.LOCATION && latitude != null && longitude != null;
    }
}
