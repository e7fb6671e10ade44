package br.com.balcao.channel;

import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A message's media file, fetched from WhatsApp when a user opens it (the helpdesk stores only Meta's media
 * id). Only to users who may see the message's number; pictures, audio, video and PDFs open in the browser,
 * anything else downloads, and nothing served here may run scripts.
 */
@Controller
class MediaController {

    private static final Set<String> SHOWN_INLINE = Set.of("image/jpeg", "image/png", "image/webp", "audio/ogg",
            "audio/mpeg", "audio/aac", "audio/mp4", "video/mp4", "video/3gpp", "application/pdf");

    private final JdbcTemplate jdbc;
    private final AccessPolicy access;
    private final WhatsAppGateway gateway;

    MediaController(JdbcTemplate jdbc, AccessPolicy access, WhatsAppGateway gateway) {
        this.jdbc = jdbc;
        this.access = access;
        this.gateway = gateway;
    }

    private record StoredMedia(long numberId, String mediaId, String fileName) {
    }

    @GetMapping("/messages/{messageId}/media")
    void media(@PathVariable long messageId, HttpServletResponse response) throws IOException {
        StoredMedia stored = jdbc.query("SELECT number_id, media_id, media_file_name FROM messages WHERE id = ?",
                        (row, i) -> new StoredMedia(row.getLong("number_id"), row.getString("media_id"),
                                row.getString("media_file_name")), messageId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("message " + messageId));
        access.requireVisible(stored.numberId());
        if (stored.mediaId() == null) {
            throw new NotFoundException("media of message " + messageId);
        }
        MediaFile file = gateway.media(stored.mediaId()).orElseThrow(MediaUnavailable::new);

        String contentType = contentType(file.contentType());
        boolean inline = SHOWN_INLINE.contains(contentType);
        String fileName = stored.fileName() != null ? stored.fileName() : "whatsapp-" + messageId;
        response.setContentType(inline ? contentType : MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        if (file.length() >= 0) {
            response.setContentLengthLong(file.length());
        }
        file.writeTo(response.getOutputStream());
    }

    /** WhatsApp has no file for the id (it keeps media for a limited time), or the demo's simulator kept none. */
    static final class MediaUnavailable extends RuntimeException {
        MediaUnavailable() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(MediaUnavailable.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unavailable() {
        return "channel/media-unavailable";
    }

    private static String contentType(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
