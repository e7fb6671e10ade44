package br.com.balcao.tickets;

/**
 * A file an agent sends, already kept by the app (its {@code fileId} in the media store): the message's type
 * (IMAGE, DOCUMENT, AUDIO or VIDEO), the name and MIME type shown, the caption (null for none), and whether an
 * audio is a voice note recorded in the browser.
 */
public record OutgoingMedia(long fileId, MessageType type, String fileName, String mimeType, String caption,
        boolean voice) {

    public OutgoingMedia {
        if (type != MessageType.IMAGE && type != MessageType.DOCUMENT && type != MessageType.AUDIO
                && type != MessageType.VIDEO) {
            throw new IllegalArgumentException("Not a media type: " + type);
        }
        if (voice && type != MessageType.AUDIO) {
            throw new IllegalArgumentException("Only an audio is a voice note");
        }
    }
}
