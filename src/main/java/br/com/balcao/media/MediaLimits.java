package br.com.balcao.media;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * WhatsApp's limits on what a business sends, checked before anything is kept or uploaded: the type read from
 * the file's first bytes, the kind's largest size, and a caption only where WhatsApp shows one. A refusal is an
 * {@link InvalidInputException} whose message says what is accepted.
 */
public final class MediaLimits {

    private static final int MAX_FILE_NAME = 255;

    private MediaLimits() {
    }

    /**
     * The file as WhatsApp will take it. {@code head} gives its first bytes (read and closed here), {@code size} its
     * length; {@code fileName} is the user's, kept only to be shown.
     */
    public static AcceptedMedia check(InputStream head, long size, String fileName, String caption) {
        if (size <= 0) {
            throw new InvalidInputException("media.refused.empty");
        }
        String mimeType = MediaSniffer.mimeType(firstBytes(head), fileName);
        MediaKind kind = mimeType == null ? null : MediaKind.of(mimeType);
        if (kind == null) {
            throw new InvalidInputException("media.refused.type");
        }
        if (size > kind.maxSize().toBytes()) {
            throw new InvalidInputException("media.refused.tooLarge", label("media.kind." + kind),
                    readable(kind.maxSize().toBytes()), readable(size));
        }
        String text = caption == null || caption.isBlank() ? null : caption.strip();
        if (text != null && !kind.captioned()) {
            throw new InvalidInputException("media.refused.caption", label("media.kind." + kind));
        }
        if (text != null && text.length() > MediaKind.MAX_CAPTION) {
            throw new InvalidInputException("media.refused.captionTooLong", MediaKind.MAX_CAPTION, text.length());
        }
        return new AcceptedMedia(kind, mimeType, cleanName(fileName, kind), text);
    }

    /** A size as people read it: "5 MB", "7.3 MB", "820 KB". */
    public static String readable(long bytes) {
        if (bytes >= 1024 * 1024) {
            double megabytes = bytes / (1024.0 * 1024.0);
            return megabytes == Math.floor(megabytes) ? String.format(Locale.ROOT, "%.0f MB", megabytes)
                    : String.format(Locale.ROOT, "%.1f MB", megabytes);
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }

    private static byte[] firstBytes(InputStream in) {
        try (in) {
            return in.readNBytes(MediaSniffer.HEAD);
        } catch (IOException e) {
            throw new InvalidInputException("media.refused.unreadable");
        }
    }

    /** The name without folders or control characters, cut to what the database keeps; a name for a nameless one. */
    private static String cleanName(String fileName, MediaKind kind) {
        String name = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = kind.name().toLowerCase(Locale.ROOT);
        }
        return name.length() <= MAX_FILE_NAME ? name : name.substring(name.length() - MAX_FILE_NAME);
    }
}
