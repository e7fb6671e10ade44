package br.com.balcao.media;

import br.com.balcao.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The files of media messages, under the configured folder. A file is copied in through a fixed buffer (never
 * whole in memory) into a temporary file, its SHA-256 and size computed on the way, then moved into place at
 * once under a random name: a file is either complete under its key or absent, and the user's file name never
 * becomes a path.
 */
@Service
public class MediaStore {

    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);
    private static final int BUFFER = 64 * 1024;
    private static final int RETENTION_BATCH = 500;
    private static final DateTimeFormatter MONTH_FOLDER = DateTimeFormatter.ofPattern("uuuu/MM").withZone(ZoneOffset.UTC);
    private static final String COLUMNS = """
            id, number_id, mime_type, file_name, size_bytes, sha256, whatsapp_media_id, uploaded_at, created_at,
            deleted_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path folder;
    private final long maxBytes;
    private final MediaProperties properties;

    MediaStore(JdbcTemplate jdbc, Clock clock, MediaProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.folder = properties.folder().toAbsolutePath().normalize();
        this.maxBytes = properties.maxFileSize().toBytes();
        this.properties = properties;
    }

    /** What writes a file's content: a stream copied in, or a download written out. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Keeps {@code content} (read to its end, not closed) as a file of the number. {@code whatsappMediaId} is the id
     * WhatsApp knows it by, when it came from WhatsApp. Refused with {@link MediaTooLargeException} past the largest
     * size the configuration allows, leaving nothing behind.
     */
    public StoredMedia store(long numberId, InputStream content, String mimeType, String fileName,
            String whatsappMediaId) {
        return store(numberId, out -> copy(content, out), mimeType, fileName, whatsappMediaId);
    }

    /** Keeps what {@code content} writes, as {@link #store(long, InputStream, String, String, String)} does. */
    public StoredMedia store(long numberId, Content content, String mimeType, String fileName,
            String whatsappMediaId) {
        String key = MONTH_FOLDER.format(clock.instant()) + "/" + UUID.randomUUID();
        Path target = pathOf(key);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
            MeasuredOutputStream measured;
            try (OutputStream file = Files.newOutputStream(temporary)) {
                measured = new MeasuredOutputStream(file, maxBytes);
                content.writeTo(measured);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return insert(numberId, key, mimeType, fileName, measured.size(), measured.sha256(), whatsappMediaId);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep a media file", e);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int read; (read = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, read);
        }
    }

    private StoredMedia insert(long numberId, String key, String mimeType, String fileName, long size, String sha256,
            String whatsappMediaId) {
        return jdbc.queryForObject("""
                INSERT INTO media_files (number_id, storage_key, mime_type, file_name, size_bytes, sha256,
                                         whatsapp_media_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING\s""" + COLUMNS, this::view, numberId, key, mimeType, fileName, size, sha256,
                whatsappMediaId, Timestamp.from(clock.instant()));
    }

    public Optional<StoredMedia> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM media_files WHERE id = ?", this::view, id).stream().findFirst();
    }

    /** The kept file's content, to be closed by the caller; 404 once the retention removed it. */
    public InputStream open(long id) {
        try {
            return resource(id).orElseThrow(() -> new NotFoundException("media file " + id)).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept file as a resource (streamed, with its length), while it is kept. */
    public Optional<Resource> resource(long id) {
        return jdbc.query("SELECT storage_key FROM media_files WHERE id = ? AND deleted_at IS NULL",
                        (row, i) -> row.getString(1), id).stream().findFirst()
                .map(this::pathOf).filter(Files::isRegularFile).map(FileSystemResource::new);
    }

    /** WhatsApp took the file under {@code whatsappMediaId} at {@code at}: a later attempt may send that id again. */
    public void recordUpload(long id, String whatsappMediaId, Instant at) {
        jdbc.update("UPDATE media_files SET whatsapp_media_id = ?, uploaded_at = ? WHERE id = ?", whatsappMediaId,
                Timestamp.from(at), id);
    }

    /** How long a voice note or audio plays, in whole seconds. */
    public void recordDuration(long id, int seconds) {
        jdbc.update("UPDATE media_files SET duration_seconds = ? WHERE id = ?", seconds, id);
    }

    /** Removes a file no message took (its message was refused, or another download kept the same one first). */
    public void discard(long id) {
        jdbc.query("DELETE FROM media_files WHERE id = ? RETURNING storage_key", (row, i) -> row.getString(1), id)
                .forEach(key -> deleteQuietly(pathOf(key)));
    }

    /** Deletes the files older than the retention; their rows stay, marked deleted, so messages still name them. */
    @Scheduled(fixedDelayString = "${balcao.media.retention-interval:1h}",
            initialDelayString = "${balcao.media.retention-initial-delay:5m}")
    @SchedulerLock(name = "media-retention")
    public void applyRetention() {
        Instant before = clock.instant().minus(properties.retention());
        List<Expired> expired;
        do {
            expired = jdbc.query("""
                    SELECT id, storage_key FROM media_files
                     WHERE deleted_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ?
                    """, (row, i) -> new Expired(row.getLong(1), row.getString(2)), Timestamp.from(before),
                    RETENTION_BATCH);
            for (Expired file : expired) {
                deleteQuietly(pathOf(file.key()));
                jdbc.update("UPDATE media_files SET deleted_at = ? WHERE id = ?", Timestamp.from(clock.instant()),
                        file.id());
            }
        } while (expired.size() == RETENTION_BATCH);
    }

    private record Expired(long id, String key) {
    }

    private Path pathOf(String key) {
        Path path = folder.resolve(key).normalize();
        if (!path.startsWith(folder)) {
            throw new IllegalStateException("A storage key left the media folder: " + key);
        }
        return path;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete media file {}", path, e);
        }
    }

    private StoredMedia view(ResultSet row, int i) throws SQLException {
        return new StoredMedia(row.getLong("id"), row.getLong("number_id"), row.getString("mime_type"),
                row.getString("file_name"), row.getLong("size_bytes"), row.getString("sha256"),
                row.getString("whatsapp_media_id"), instant(row, "uploaded_at"), instant(row, "created_at"),
                instant(row, "deleted_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
