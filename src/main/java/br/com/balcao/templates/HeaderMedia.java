package br.com.balcao.templates;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The file of a template's media header as it is sent: for now a public https link Meta fetches
 * ({@code {"type":"image","image":{"link":...}}}). A file the app keeps will be named here by its id instead,
 * which only this record and the gateway's writing of it need to learn.
 */
public record HeaderMedia(HeaderFormat format, String link) {

    static final int MAX_LINK_LENGTH = 2000;

    public HeaderMedia {
        if (format == null || !format.media()) {
            throw new IllegalArgumentException("a media header is an image, a video or a document: " + format);
        }
        if (!validLink(link)) {
            throw new IllegalArgumentException("not a public https link: " + link);
        }
    }

    /** The media for {@code format}, when {@code link} is an absolute https link Meta can fetch. */
    public static Optional<HeaderMedia> of(HeaderFormat format, String link) {
        String stripped = link == null ? "" : link.strip();
        return format != null && format.media() && validLink(stripped)
                ? Optional.of(new HeaderMedia(format, stripped)) : Optional.empty();
    }

    /** Meta's name of the parameter's type: image, video or document. */
    public String type() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    private static boolean validLink(String link) {
        if (link == null || link.isEmpty() || link.length() > MAX_LINK_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
