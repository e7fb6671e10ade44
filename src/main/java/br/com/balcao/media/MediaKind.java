package br.com.balcao.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;

/**
 * What WhatsApp accepts from a business, by kind of message: the MIME types, the largest file, and whether a
 * caption goes with it (Meta's "Supported media types"; audio in OGG only with the Opus codec).
 */
public enum MediaKind {
    IMAGE(DataSize.ofMegabytes(5), true, Set.of("image/jpeg", "image/png")),
    DOCUMENT(DataSize.ofMegabytes(100), true, Set.of("application/pdf", "text/plain", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
    AUDIO(DataSize.ofMegabytes(16), false, Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg")),
    VIDEO(DataSize.ofMegabytes(16), true, Set.of("video/mp4", "video/3gpp"));

    /** The longest caption WhatsApp shows under a picture, video or document. */
    public static final int MAX_CAPTION = 1024;

    private final DataSize maxSize;
    private final boolean captioned;
    private final Set<String> mimeTypes;

    MediaKind(DataSize maxSize, boolean captioned, Set<String> mimeTypes) {
        this.maxSize = maxSize;
        this.captioned = captioned;
        this.mimeTypes = mimeTypes;
    }

    public DataSize maxSize() {
        return maxSize;
    }

    public boolean captioned() {
        return captioned;
    }

    /** Every MIME type WhatsApp carries in a media message, for a file input's {@code accept}. */
    public static String acceptedTypes() {
        return Arrays.stream(values()).flatMap(kind -> kind.mimeTypes.stream()).sorted()
                .collect(Collectors.joining(","));
    }

    /** The message's {@code type} in Meta's webhook and send payloads, and the name of the object carrying the file. */
    public String whatsAppType() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a MIME type WhatsApp accepts belongs to; null for any other type. */
    public static MediaKind of(String mimeType) {
        for (MediaKind kind : values()) {
            if (kind.mimeTypes.contains(mimeType)) {
                return kind;
            }
        }
        return null;
    }
}
