package br.com.balcao.channel;

import br.com.balcao.media.InvalidVoiceNoteException;
import br.com.balcao.media.MediaStore;
import br.com.balcao.media.MediaTooLargeException;
import br.com.balcao.media.StoredMedia;
import br.com.balcao.media.VoiceNote;
import br.com.balcao.media.VoiceNotes;
import br.com.balcao.tickets.MessageLog;
import br.com.balcao.tickets.TicketEvents.MessageReceived;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the files customers send: after an inbound message commits, its media is downloaded from WhatsApp into the
 * media store (on one background thread, so the webhook never waits for it), and a sweep on one instance takes
 * what a restart or an unreachable WhatsApp left behind, while WhatsApp may still hold it.
 */
@Component
class CustomerMediaKeeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CustomerMediaKeeper.class);
    private static final int BATCH = 500;
    private static final int SWEEP_BATCH = 50;
    /** The sweep looks this far back: WhatsApp keeps a customer's media for about 30 days. */
    static final Duration SWEEP_WINDOW = Duration.ofDays(14);
    /** ...and leaves the latest messages to the download their arrival started. */
    static final Duration SWEEP_DELAY = Duration.ofMinutes(1);
    /** How many sweeps try a file that no download could keep (V17). */
    static final int SWEEP_ATTEMPTS = 5;
    private static final String TO_FETCH = """
            SELECT id, number_id, media_id, media_mime_type, media_file_name FROM messages
             WHERE media_id IS NOT NULL AND media_file_id IS NULL AND direction = 'INBOUND'
               AND media_fetch_attempts < %d
            """.formatted(SWEEP_ATTEMPTS);

    private final JdbcTemplate jdbc;
    private final WhatsAppGateway gateway;
    private final MediaStore store;
    private final VoiceNotes voiceNotes;
    private final MessageLog messages;
    private final Clock clock;
    private final Queue<Long> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "customer-media-keeper");
        thread.setDaemon(true);
        return thread;
    });

    CustomerMediaKeeper(JdbcTemplate jdbc, WhatsAppGateway gateway, MediaStore store, VoiceNotes voiceNotes,
                        MessageLog messages, Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.store = store;
        this.voiceNotes = voiceNotes;
        this.messages = messages;
        this.clock = clock;
    }

    private record ToFetch(long messageId, long numberId, String mediaId, String mimeType, String fileName) {
    }

    /** Every stored customer message is noted here (cheaply); the worker picks the media ones in one read. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onMessageReceived(MessageReceived event) {
        arrived.add(event.messageId());
        startDraining();
    }

    private void startDraining() {
        if (draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                log.debug("Shutting down; customers' media are left to the next sweep");
            }
        }
    }

    private void drain() {
        try {
            List<Long> ids = new ArrayList<>();
            for (Long id; (id = arrived.poll()) != null; ) {
                ids.add(id);
                if (ids.size() == BATCH) {
                    keepAll(ids);
                    ids.clear();
                }
            }
            keepAll(ids);
        } catch (RuntimeException e) {
            log.warn("Customers' media not kept now; the sweep takes them later", e);
        } finally {
            draining.set(false);
            if (!arrived.isEmpty()) {
                startDraining();
            }
        }
    }

    private void keepAll(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.query(TO_FETCH + " AND id = ANY (?)", ps -> ps.setArray(1,
                ps.getConnection().createArrayOf("bigint", messageIds.toArray())), this::toFetch).forEach(this::keep);
    }

    /** The media a download did not keep (WhatsApp unreachable, a restart), newest first. */
    @Scheduled(fixedDelayString = "${balcao.media.fetch-sweep-interval:2m}",
            initialDelayString = "${balcao.media.fetch-sweep-initial-delay:1m}")
    @SchedulerLock(name = "customer-media-sweep")
    public void sweep() {
        Instant now = clock.instant();
        jdbc.query(TO_FETCH + " AND created_at > ? AND created_at < ? ORDER BY id DESC LIMIT ?", this::toFetch,
                Timestamp.from(now.minus(SWEEP_WINDOW)), Timestamp.from(now.minus(SWEEP_DELAY)), SWEEP_BATCH)
                .forEach(message -> {
                    if (!keep(message)) {
                        messages.recordMediaFetchFailed(message.messageId());
                    }
                });
    }

    /** Whether the file is kept now (by this download or another). */
    private boolean keep(ToFetch message) {
        Optional<MediaFile> file = gateway.media(message.mediaId());
        if (file.isEmpty()) {
            return false;
        }
        String mimeType = message.mimeType() != null ? message.mimeType() : file.get().contentType();
        try {
            StoredMedia stored = store.store(message.numberId(), file.get()::writeTo, mimeType, message.fileName(),
                    message.mediaId());
            if (!messages.attachMediaFile(message.messageId(), stored.id())) {
                store.discard(stored.id());
            } else if (stored.mimeType().startsWith("audio/ogg")) {
                recordPlayingTime(stored.id());
            }
            return true;
        } catch (MediaTooLargeException | UncheckedIOException e) {
            log.warn("Media of message {} not kept: {}", message.messageId(), e.getMessage());
            return false;
        }
    }

    /** A customer's voice note (Ogg Opus) shows its length; a file that is not one simply shows none. */
    private void recordPlayingTime(long mediaFileId) {
        try (InputStream in = store.open(mediaFileId)) {
            store.recordDuration(mediaFileId, new VoiceNote(voiceNotes.duration(in)).durationSeconds());
        } catch (IOException | InvalidVoiceNoteException e) {
            log.debug("No playing time for media file {}: {}", mediaFileId, e.getMessage());
        }
    }

    private ToFetch toFetch(ResultSet row, int i) throws SQLException {
        return new ToFetch(row.getLong("id"), row.getLong("number_id"), row.getString("media_id"),
                row.getString("media_mime_type"), row.getString("media_file_name"));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
