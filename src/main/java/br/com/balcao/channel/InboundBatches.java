package br.com.balcao.channel;

import br.com.balcao.channel.InboundPipeline.Arrival;
import br.com.balcao.numbers.NumberSnapshot;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Customer messages of concurrent webhooks stored a batch to a transaction: each request hands its message over
 * and waits for the commit that stores it, so that Meta's 200 still means "stored". Under load the messages
 * that arrive while a batch is being stored make the next one: one transaction, one commit and one notification
 * of the live events for up to {@value #MAX_BATCH} messages, where each had its own. With a single message
 * waiting it is stored alone, as before.
 *
 * <p>A batch takes its messages in the order of their number and sender (a message's order among its sender's
 * is kept), so that two batches lock contacts in the same order and never deadlock. When a batch fails, a
 * duplicate delivery of one of its messages for instance, each message is stored again on its own, as it
 * would have been without batching; when the database is away, every message of the batch fails at once.
 */
@Component
class InboundBatches {

    static final int MAX_BATCH = 32;
    static final int WORKERS = 2;

    private static final Logger log = LoggerFactory.getLogger(InboundBatches.class);
    private static final Comparator<Waiting> LOCK_ORDER = Comparator
            .comparingLong((Waiting waiting) -> waiting.arrival().sender().numberId())
            .thenComparing(waiting -> waiting.arrival().sender().waId());

    private final InboundPipeline pipeline;
    private final DistributionSummary batchSizes;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    InboundBatches(InboundPipeline pipeline, MeterRegistry meters) {
        this.pipeline = pipeline;
        this.batchSizes = DistributionSummary.builder("balcao.inbound.batch.size")
                .description("Customer messages stored in one transaction").baseUnit("messages").register(meters);
        for (int i = 1; i <= WORKERS; i++) {
            Thread worker = new Thread(this::work, "inbound-batch-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /**
     * Stores the message (see {@link InboundPipeline#receive}), returning once it is committed.
     *
     * @throws RuntimeException what storing it threw
     */
    void receive(NumberSnapshot number, InboundMessage message) {
        if (stopping) {
            throw new CannotCreateTransactionException("the app is stopping");
        }
        Waiting waiting = new Waiting(new Arrival(number, message));
        queue.add(waiting);
        if (stopping) { // stop() may have emptied the queue between the check above and the add
            failQueued();
        }
        try {
            waiting.stored().get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("storing " + message.wamid() + " failed", failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("interrupted while " + message.wamid() + " was stored", e);
        }
    }

    private void work() {
        while (!stopping) {
            List<Waiting> batch = new ArrayList<>(MAX_BATCH);
            try {
                batch.add(queue.take());
            } catch (InterruptedException stopped) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                store(batch);
            } catch (Throwable e) {
                // Whatever happened, nobody may wait for ever: Meta delivers again what was not stored.
                log.error("Storing a batch of {} messages failed", batch.size(), e);
                batch.forEach(waiting -> waiting.stored().completeExceptionally(e));
            }
        }
    }

    /** A worker's batch: each message's outcome completes its {@link Waiting#stored()}. */
    void store(List<Waiting> batch) {
        batchSizes.record(batch.size());
        if (batch.size() == 1) {
            storeAlone(batch.get(0));
            return;
        }
        batch.sort(LOCK_ORDER);
        try {
            pipeline.receiveTogether(batch.stream().map(Waiting::arrival).toList());
            batch.forEach(waiting -> waiting.stored().complete(null));
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException databaseAway) {
            batch.forEach(waiting -> waiting.stored().completeExceptionally(databaseAway));
        } catch (RuntimeException e) {
            log.debug("A batch of {} messages failed ({}); storing each on its own", batch.size(), e.toString());
            batch.forEach(this::storeAlone);
        }
    }

    private void storeAlone(Waiting waiting) {
        try {
            pipeline.receive(waiting.arrival().number(), waiting.arrival().message());
            waiting.stored().complete(null);
        } catch (RuntimeException e) {
            waiting.stored().completeExceptionally(e);
        }
    }

    /** After the web server's graceful stop: nothing waits any more; whatever is left is answered 503. */
    @PreDestroy
    void stop() {
        stopping = true;
        workers.forEach(Thread::interrupt);
        failQueued();
    }

    private void failQueued() {
        CannotCreateTransactionException stopped = new CannotCreateTransactionException("the app is stopping");
        for (Waiting waiting = queue.poll(); waiting != null; waiting = queue.poll()) {
            waiting.stored().completeExceptionally(stopped);
        }
    }

    /** A message handed over, and the commit its request waits for. */
    record Waiting(Arrival arrival, CompletableFuture<Void> stored) {

        Waiting(Arrival arrival) {
            this(arrival, new CompletableFuture<>());
        }
    }
}
