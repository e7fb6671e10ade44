package br.com.balcao.bench;

import java.time.Duration;
import java.util.List;

/**
 * Warms the app up before a measurement: each request kind gets an equal share of the time, sent back to
 * back. Taken in turns instead, the slow kinds (a 150 ms filter) took most of the time and a cheap page was
 * measured after a few dozen requests, with much of its code not yet compiled by the JIT, where a server in
 * service has answered thousands.
 */
final class WarmUp {

    interface Request<T> {
        void send(T kind) throws Exception;
    }

    private WarmUp() {
    }

    /** Sends requests of each kind for {@code total / kinds} in turn; the number of requests sent. */
    static <T> int evenly(List<T> kinds, Duration total, Request<T> request) throws Exception {
        long share = total.toNanos() / Math.max(1, kinds.size());
        int requests = 0;
        for (T kind : kinds) {
            long end = System.nanoTime() + share;
            do {
                request.send(kind);
                requests++;
            } while (System.nanoTime() < end);
        }
        return requests;
    }
}
