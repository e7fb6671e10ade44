package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.channel.SendResult.RetryableFailure;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.tickets.MetaErrors;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundQueue;
import br.com.balcao.tickets.TicketEvents.MessageQueued;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox: each queued message right after its transaction commits, and, every few seconds on one
 * instance, whatever is due (retries, and messages a crash or restart left PENDING). The outbox's claim
 * makes sure the two paths never send one message twice.
 */
@Component
@ConditionalOnProperty(name = "balcao.whatsapp.outbound.enabled", havingValue = "true", matchIfMissing = true)
class OutboundDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final int BATCH = 100;
    private static final int SENDERS = 16;
    /**
     * A swept message not yet handed to WhatsApp this long after its claim goes back to the queue instead:
     * with the gateway's timeouts, a send started before then ends well inside the outbox's 2-minute lease.
     */
    private static final Duration SEND_WINDOW = Duration.ofSeconds(90);

    private final OutboundQueue queue;
    private final WhatsAppGateway gateway;
    private final MediaSending media;
    private final NumberDirectory numbers;
    private final ChannelHealth health;
    private final Clock clock;
    private final int maxAttempts;
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS, new SenderThreads());

    OutboundDispatcher(OutboundQueue queue, WhatsAppGateway gateway, MediaSending media, NumberDirectory numbers,
                       ChannelHealth health, Clock clock, ChannelProperties properties) {
        this.queue = queue;
        this.gateway = gateway;
        this.media = media;
        this.numbers = numbers;
        this.health = health;
        this.clock = clock;
        this.maxAttempts = properties.outbound().maxAttempts();
    }

    /** A message was stored PENDING: send it now, off the committing thread. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onMessageQueued(MessageQueued event) {
        try {
            senders.execute(() -> sendNow(event.messageId()));
        } catch (RejectedExecutionException e) {
            log.debug("Shutting down; message {} is left to the next sweep", event.messageId());
        }
    }

    /** Sends one message, unless it was sent already, is not due, or another sender holds it. */
    public void sendNow(long messageId) {
        queue.claim(messageId).ifPresent(this::deliver);
    }

    /** Sends up to one batch of due messages, in parallel. */
    @Scheduled(fixedDelayString = "${balcao.whatsapp.outbound.sweep-interval:5s}",
            initialDelayString = "${balcao.whatsapp.outbound.sweep-initial-delay:0s}")
    @SchedulerLock(name = "outbound-sweep")
    public void sweep() {
        List<OutboundMessage> due = queue.claimDue(BATCH);
        if (due.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + SEND_WINDOW.toNanos();
        CompletableFuture.allOf(due.stream()
                .map(message -> CompletableFuture.runAsync(() -> deliverBefore(message, deadline), senders))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void deliverBefore(OutboundMessage message, long deadline) {
        if (System.nanoTime() - deadline < 0) {
            deliver(message);
        } else {
            queue.retryAt(message.id(), clock.instant(), "Not sent within its claim; back in the queue");
        }
    }

    private void deliver(OutboundMessage message) {
        try {
            SendResult result = attempt(message);
            noteTokenHealth(message.numberId(), result);
            if (result instanceof Accepted accepted) {
                queue.markSent(message.id(), accepted.wamid());
            } else if (result instanceof PermanentFailure failure) {
                log.warn("Message {} refused by WhatsApp: {} {}", message.id(), failure.code(), failure.message());
                queue.markFailed(message.id(), failure.code(), failure.message());
            } else if (result instanceof RetryableFailure failure) {
                retryOrGiveUp(message, failure);
            }
        } catch (RuntimeException e) {
            // Stays PENDING under its claim; the sweep takes it again when the claim ends.
            log.error("Message {} could not be dispatched", message.id(), e);
        }
    }

    /** A send accepted proves the token; Meta's 190 says it expired or was revoked. */
    private void noteTokenHealth(long numberId, SendResult result) {
        if (result instanceof Accepted) {
            health.tokenAccepted(numberId);
        } else if (result instanceof PermanentFailure failure && failure.code() != null
                && failure.code() == MetaErrors.TOKEN_REJECTED) {
            health.tokenRejected(numberId, failure.message());
        }
    }

    private void retryOrGiveUp(OutboundMessage message, RetryableFailure failure) {
        if (message.attempt() >= maxAttempts) {
            log.warn("Message {} failed after {} attempts: {}", message.id(), message.attempt(), failure.description());
            queue.markFailed(message.id(), failure.code(), failure.description());
        } else {
            Duration wait = RetryBackoff.after(message.attempt());
            log.info("Message {} attempt {} failed, retrying in {}: {}", message.id(), message.attempt(), wait,
                    failure.description());
            queue.retryAt(message.id(), clock.instant().plus(wait), failure.description());
        }
    }

    private SendResult attempt(OutboundMessage message) {
        String phoneNumberId = numbers.find(message.numberId()).map(NumberView::phoneNumberId).orElse(null);
        if (phoneNumberId == null) {
            return new PermanentFailure(null, "Business number " + message.numberId() + " no longer exists");
        }
        try {
            OutboundMessage signed = signedIfAsked(message);
            return MediaSending.carriesFile(message) ? media.send(phoneNumberId, signed)
                    : gateway.send(phoneNumberId, signed);
        } catch (RuntimeException e) {
            log.warn("Gateway failed on message {}", message.id(), e);
            return new RetryableFailure("Unexpected error: " + e);
        }
    }

    private OutboundMessage signedIfAsked(OutboundMessage message) {
        return numbers.channelOptions(message.numberId()).signMessages() ? AgentSignature.sign(message) : message;
    }

    @Override
    public void destroy() throws InterruptedException {
        senders.shutdown();
        if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }

    private static final class SenderThreads implements java.util.concurrent.ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "outbound-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
