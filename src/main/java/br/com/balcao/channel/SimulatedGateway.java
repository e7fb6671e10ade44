package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.DeliveryStatuses;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundReaction;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's WhatsApp: accepts every message, then reports it delivered and read a little later through
 * {@link DeliveryStatuses}, the path real status webhooks take.
 */
class SimulatedGateway implements WhatsAppGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedGateway.class);
    /** A status may come before the sender has stored the wamid; it is tried again a few times. */
    private static final int TRIES = 5;

    private final DeliveryStatuses statuses;
    private final SimulatedWhatsAppMedia files;
    private final Clock clock;
    private final Duration deliveredAfter;
    private final Duration readAfter;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "whatsapp-simulator");
        thread.setDaemon(true);
        return thread;
    });

    SimulatedGateway(DeliveryStatuses statuses, SimulatedWhatsAppMedia files, Clock clock, Duration deliveredAfter,
                     Duration readAfter) {
        this.statuses = statuses;
        this.files = files;
        this.clock = clock;
        this.deliveredAfter = deliveredAfter;
        this.readAfter = readAfter.compareTo(deliveredAfter) < 0 ? deliveredAfter : readAfter;
    }

    @Override
    public SendResult send(String phoneNumberId, OutboundMessage message) {
        String wamid = "wamid.sim." + UUID.randomUUID();
        Runnable read = () -> report(message.numberId(), wamid, DeliveryStatus.READ, TRIES, null);
        Runnable delivered = () -> report(message.numberId(), wamid, DeliveryStatus.DELIVERED, TRIES, read);
        schedule(delivered, deliveredAfter);
        return new Accepted(wamid);
    }

    /** A reaction only ever gets "sent" from WhatsApp, never delivered or read. */
    @Override
    public SendResult react(String phoneNumberId, OutboundReaction reaction) {
        return new Accepted("wamid.sim." + UUID.randomUUID());
    }

    /** Takes every file (without reading it) under a made-up id, so that the demo sends media as it sends text. */
    @Override
    public UploadResult upload(String phoneNumberId, MediaUpload file) {
        return new UploadResult.Uploaded("sim-media-" + UUID.randomUUID());
    }

    @Override
    public SendResult sendMedia(String phoneNumberId, OutboundMessage message, String mediaId, String fileName) {
        return send(phoneNumberId, message);
    }

    /** The file a simulated customer sent; empty at once for any other id (no network, even under load). */
    @Override
    public Optional<MediaFile> media(String mediaId) {
        return files.file(mediaId);
    }

    /** The simulator shows the blue ticks from the message's read_receipt_at; there is nobody else to tell. */
    @Override
    public boolean markRead(String phoneNumberId, String wamid) {
        return true;
    }

    @Override
    public boolean showTyping(String phoneNumberId, String wamid) {
        return true;
    }

    private void report(long numberId, String wamid, DeliveryStatus status, int triesLeft, Runnable next) {
        boolean recorded;
        try {
            recorded = statuses.record(numberId, wamid, status, clock.instant(), null, null);
        } catch (RuntimeException e) {
            log.warn("Simulated {} status for {} not recorded", status, wamid, e);
            return;
        }
        if (!recorded && triesLeft > 1) {
            schedule(() -> report(numberId, wamid, status, triesLeft - 1, next), retryDelay());
        } else if (next != null) {
            schedule(next, readAfter.minus(deliveredAfter));
        }
    }

    private Duration retryDelay() {
        return deliveredAfter.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : deliveredAfter;
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Simulator stopped; a status report is dropped");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
