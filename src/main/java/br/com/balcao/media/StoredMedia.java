package br.com.balcao.media;

import java.time.Instant;

/**
 * A file the app keeps. {@code whatsappMediaId} is the id WhatsApp knows it by (an upload's answer, or an inbound
 * message's media id) and {@code uploadedAt} when the app uploaded it; {@code deletedAt} is set once the retention
 * removed the file itself.
 */
public record StoredMedia(long id, long numberId, String mimeType, String fileName, long sizeBytes, String sha256,
        String whatsappMediaId, Instant uploadedAt, Instant createdAt, Instant deletedAt) {

    public boolean kept() {
        return deletedAt == null;
    }
}
