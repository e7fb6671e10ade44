package br.com.balcao.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's results by load and by minute (of when each request was due, counted from the end of the warm-up),
 * and by kind over the whole run.
 */
final class SoakMinutes {

    private static final int ERRORS_SHOWN = 20;

    /** One load's requests of one minute, or of one kind over the run. */
    static final class Tally {
        private final Latencies latencies = new Latencies();
        private final Latencies service = new Latencies();
        private long errors;

        synchronized void add(long micros, long serviceMicros, boolean error) {
            latencies.add(micros);
            service.add(serviceMicros);
            if (error) {
                errors++;
            }
        }

        synchronized long requests() {
            return latencies.size();
        }

        synchronized long errors() {
            return errors;
        }

        synchronized double p95Millis() {
            return Latencies.percentileMillis(Latencies.merged(List.of(latencies)), 95);
        }

        /** The 95th percentile of the time from sending to the answer, without any wait for a free worker. */
        synchronized double p95ServiceMillis() {
            return Latencies.percentileMillis(Latencies.merged(List.of(service)), 95);
        }

        synchronized double maxMillis() {
            return Latencies.percentileMillis(Latencies.merged(List.of(latencies)), 100);
        }
    }

    private final Map<String, Tally> byMinute = new ConcurrentHashMap<>();
    private final Map<String, Tally> byKind = new ConcurrentHashMap<>();
    private final AtomicInteger errorsShown = new AtomicInteger();

    void record(String load, String kind, long sinceStartNanos, long micros, long serviceMicros, String error) {
        int minute = (int) Math.floorDiv(sinceStartNanos, 60_000_000_000L);
        byMinute.computeIfAbsent(load + "@" + minute, key -> new Tally()).add(micros, serviceMicros, error != null);
        if (minute >= 0) {
            byKind.computeIfAbsent(load + " " + kind, key -> new Tally()).add(micros, serviceMicros, error != null);
        }
        if (error != null && errorsShown.incrementAndGet() <= ERRORS_SHOWN) {
            System.out.println("  error (" + load + " " + kind + "): " + error);
        }
    }

    /** The load's requests due in this minute (0-based; -1 is the warm-up, when not longer than a minute). */
    Tally minute(String load, int minute) {
        return byMinute.getOrDefault(load + "@" + minute, new Tally());
    }

    /** Every kind of request over the whole run (the warm-up left out), by name. */
    Map<String, Tally> kinds() {
        return new TreeMap<>(byKind);
    }
}
