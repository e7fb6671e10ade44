package br.com.balcao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs clients in parallel for a warm-up and then a measured period, each sending one request after the
 * other. A request belongs to the period in which it starts; the measured period ends when the last
 * request started in it has finished, so no work in flight is left out of the rate.
 */
final class Phase {

    /** One client's connection or session; {@link #once} sends one request and waits for its answer. */
    interface Client extends AutoCloseable {

        /** Sends one message (or a replay), tagged with the period; returns how it went. */
        Sent once(boolean measured) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** A request's outcome: whether it re-sent an earlier message, and the error, or null. */
    record Sent(boolean replay, String error) {
    }

    /** What a phase did. Counts of unique messages include those answered with an error. */
    record Outcome(int clients, double measuredSeconds, long measuredUnique, long measuredReplays,
                   long warmupUnique, long warmupReplays, long errors, long uniqueErrors, long[] sortedMicros,
                   long measureStartEpochMillis) {

        long unique() {
            return measuredUnique + warmupUnique;
        }

        double perSecond() {
            return measuredUnique / measuredSeconds;
        }
    }

    private static final int ERRORS_SHOWN = 10;

    private Phase() {
    }

    static Outcome run(String name, int clients, int warmupSeconds, int seconds, IntFunction<Client> clientFactory,
                       Runnable atMeasureStart, Runnable atMeasureEnd) throws InterruptedException {
        long start = System.nanoTime();
        long measureAt = start + warmupSeconds * 1_000_000_000L;
        long endAt = measureAt + seconds * 1_000_000_000L;
        AtomicInteger errorsShown = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(new Worker(name + "-" + i, clientFactory.apply(i), measureAt, endAt, errorsShown));
        }
        workers.forEach(Thread::start);
        long measureStartEpochMillis = System.currentTimeMillis() + (measureAt - System.nanoTime()) / 1_000_000;
        sleepUntil(measureAt);
        if (atMeasureStart != null) {
            atMeasureStart.run();
        }
        sleepUntil(endAt);
        for (Worker worker : workers) {
            worker.join();
        }
        if (atMeasureEnd != null) {
            atMeasureEnd.run();
        }
        long lastEnd = workers.stream().mapToLong(w -> w.lastMeasuredEnd).max().orElse(endAt);
        List<Latencies> latencies = workers.stream().map(w -> w.latencies).toList();
        return new Outcome(clients, (Math.max(lastEnd, endAt) - measureAt) / 1e9,
                workers.stream().mapToLong(w -> w.measuredUnique).sum(),
                workers.stream().mapToLong(w -> w.measuredReplays).sum(),
                workers.stream().mapToLong(w -> w.warmupUnique).sum(),
                workers.stream().mapToLong(w -> w.warmupReplays).sum(),
                workers.stream().mapToLong(w -> w.errors).sum(),
                workers.stream().mapToLong(w -> w.uniqueErrors).sum(),
                Latencies.merged(latencies), measureStartEpochMillis);
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 1_000)));
        }
    }

    private static final class Worker extends Thread {

        private final Client client;
        private final long measureAt;
        private final long endAt;
        private final AtomicInteger errorsShown;
        final Latencies latencies = new Latencies();
        long measuredUnique;
        long measuredReplays;
        long warmupUnique;
        long warmupReplays;
        long errors;
        long uniqueErrors;
        long lastMeasuredEnd;

        Worker(String name, Client client, long measureAt, long endAt, AtomicInteger errorsShown) {
            super(name);
            this.client = client;
            this.measureAt = measureAt;
            this.endAt = endAt;
            this.errorsShown = errorsShown;
        }

        @Override
        public void run() {
            try (client) {
                long now;
                while ((now = System.nanoTime()) < endAt) {
                    boolean measured = now >= measureAt;
                    Sent sent;
                    try {
                        sent = client.once(measured);
                    } catch (Exception e) {
                        sent = new Sent(false, e.toString());
                    }
                    long done = System.nanoTime();
                    if (measured) {
                        latencies.add((done - now) / 1_000);
                        lastMeasuredEnd = done;
                        if (sent.replay()) {
                            measuredReplays++;
                        } else {
                            measuredUnique++;
                        }
                    } else if (sent.replay()) {
                        warmupReplays++;
                    } else {
                        warmupUnique++;
                    }
                    if (sent.error() != null) {
                        errors++;
                        if (!sent.replay()) {
                            uniqueErrors++;
                        }
                        if (errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
                            System.err.println(getName() + ": " + sent.error());
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(getName() + " could not close its client", e);
            }
        }
    }
}
