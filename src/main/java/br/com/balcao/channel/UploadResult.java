package br.com.balcao.channel;

/** What WhatsApp answered to a media upload: the id to send the file by, or the send's failure. */
public sealed interface UploadResult {

    /** WhatsApp keeps the file under {@code mediaId} (for about 30 days). */
    record Uploaded(String mediaId) implements UploadResult {
    }

    /** The upload failed; {@code failure} says whether a later attempt may succeed. */
    record Failed(SendResult failure) implements UploadResult {
    }
}
