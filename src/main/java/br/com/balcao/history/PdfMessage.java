package br.com.balcao.history;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.QuotedMessage;
import br.com.balcao.tickets.Reaction;
import br.com.balcao.tickets.SharedContact;
import java.time.Instant;
import java.util.List;

/**
 * One message as the PDF prints it; {@code quote} is the message it replies to (null: none), {@code reactions} the
 * emoji on it, {@code payload} what a CONTACTS message holds.
 */
record PdfMessage(long id, Instant createdAt, AuthorType authorType, String authorName, MessageType type,
                  String body, String mediaId, String mediaUrl, String mediaFileName, String mediaCaption, Double latitude, Double longitude,
                  String templateName, QuotedMessage quote, List<Reaction> reactions, String payload) {

    PdfMessage(long id, Instant createdAt, AuthorType authorType, String authorName, MessageType type, String body,
               String mediaId, String mediaUrl, String mediaFileName, String mediaCaption, Double latitude,
               Double longitude, String templateName) {
        this(id, createdAt, authorType, authorName, type, body, mediaId, mediaUrl, mediaFileName, mediaCaption,
                latitude, longitude, templateName, null, List.of(), null);
    }

    boolean isMedia() {
        return type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                || type == MessageType.DOCUMENT || type == MessageType.STICKER;
    }

    List<SharedContact> sharedContacts() {
        return type == MessageType.CONTACTS ? SharedContact.of(payload) : List.of();
    }

    /**
     * Where the file opens: the address stored with the message, or else the helpdesk's own media page, which
     * fetches the file from WhatsApp for a signed-in user of the number. Null when there is neither.
     */
    String mediaLink(String helpdeskUrl) {
        if (mediaUrl != null && !mediaUrl.isBlank()) {
            return mediaUrl;
        }
        return mediaId == null ? null : helpdeskUrl + "/messages/" + id + "/media";
    }

    boolean isLocation() {
        return type == MessageType.LOCATION && latitude != null && longitude != null;
    }
}
