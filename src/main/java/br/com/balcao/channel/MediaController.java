package br.com.balcao.channel;

import br.com.balcao.media.MediaStore;
import br.com.balcao.media.StoredMedia;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A message's media file: the copy the app keeps, or else WhatsApp's, fetched when a user opens it. Only to users
 * who may see the message's number; pictures, audio, video and PDFs open in the browser, anything else downloads,
 * and nothing served here may run scripts.
 */
@Controller
class MediaController {

    private static final Set<String> SHOWN_INLINE = Set.of("image/jpeg", "image/png", "image/webp", "audio/ogg",
            "audio/mpeg", "audio/aac", "audio/mp4", "video/mp4", "video/3gpp", "application/pdf");

    private final JdbcTemplate jdbc;
    private final AccessPolicy access;
    private final WhatsAppGateway gateway;
    private final MediaStore store;

    MediaController(JdbcTemplate jdbc, AccessPolicy access, WhatsAppGateway gateway, MediaStore store) {
        this.jdbc = jdbc;
        this.access = access;
        this.gateway = gateway;
        this.store = store;
    }

    private record MessageMedia(long numberId, String mediaId, Long mediaFileId, String fileName, String mimeType) {
    }

    /**
     * The file the app keeps, streamed from its folder (with byte ranges, which audio and video players ask for);
     * otherwise WhatsApp's copy, while WhatsApp still has it.
     */
    @GetMapping("/messages/{messageId}/media")
    ResponseEntity<Resource> media(@PathVariable long messageId, HttpServletResponse response) throws IOException {
        MessageMedia message = jdbc.query("""
                        SELECT number_id, media_id, media_file_id, media_file_name, media_mime_type
                          FROM messages WHERE id = ?""",
                        (row, i) -> new MessageMedia(row.getLong("number_id"), row.getString("media_id"),
                                row.getObject("media_file_id", Long.class), row.getString("media_file_name"),
                                row.getString("media_mime_type")), messageId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("message " + messageId));
        access.requireVisible(message.numberId());
        String fileName = message.fileName() != null ? message.fileName() : "whatsapp-" + messageId;
        Optional<StoredMedia> kept = message.mediaFileId() == null ? Optional.empty()
                : store.find(message.mediaFileId()).filter(StoredMedia::kept);
        Optional<Resource> keptFile = kept.flatMap(file -> store.resource(file.id()));
        if (keptFile.isPresent()) {
            HttpHeaders headers = new HttpHeaders();
            describe(kept.get().mimeType(), fileName, headers::set);
            return ResponseEntity.ok().headers(headers).body(keptFile.get());
        }
        if (message.mediaId() == null) {
            throw new MediaUnavailable();
        }
        MediaFile file = gateway.media(message.mediaId()).orElseThrow(MediaUnavailable::new);
        describe(file.contentType(), fileName, response::setHeader);
        if (file.length() >= 0) {
            response.setContentLengthLong(file.length());
        }
        file.writeTo(response.getOutputStream());
        return null;
    }

    /** The headers of a media answer: shown inline when browsers show the type safely, and never able to run. */
    private static void describe(String declaredType, String fileName, BiConsumer<String, String> header) {
        String contentType = contentType(declaredType);
        boolean inline = SHOWN_INLINE.contains(contentType);
        header.accept(HttpHeaders.CONTENT_TYPE, inline ? contentType : MediaType.APPLICATION_OCTET_STREAM_VALUE);
        header.accept(HttpHeaders.CONTENT_DISPOSITION,
                (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(fileName, StandardCharsets.UTF_8).build().toString());
        header.accept("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
        header.accept(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
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
