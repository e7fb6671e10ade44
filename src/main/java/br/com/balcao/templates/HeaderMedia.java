package br.com.balcao.templates;

import java.util.Locale;

/**
 * The file of a template's media header: the file the app keeps ({@code fileId}, picked by the agent), and once it
 * is uploaded the id WhatsApp answered ({@code mediaId}) with the name a document shows ({@code fileName}). The
 * header is sent as {@code {"type":"image","image":{"id":...}}} (video and document likewise).
 */
public record HeaderMedia(HeaderFormat format, long fileId, String mediaId, String fileName) {

    public HeaderMedia {
        if (format == null || !format.media()) {
            throw new IllegalArgumentException("a media header is an image, a video or a document: " + format);
        }
    }

    /** The kept file, not uploaded yet. */
    public HeaderMedia(HeaderFormat format, long fileId) {
        this(format, fileId, null, null);
    }

    /** The same file, uploaded to WhatsApp as {@code mediaId}. */
    public HeaderMedia uploaded(String mediaId, String fileName) {
        return new HeaderMedia(format, fileId, mediaId, fileName);
    }

    /** Meta's name of the parameter's type: image, video or document. */
    public String type() {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
