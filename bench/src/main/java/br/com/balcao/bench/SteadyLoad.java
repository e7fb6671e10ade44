package br.com.balcao.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests at a steady rate, whatever the answers' speed (an open loop, as customers and agents do not wait for
 * each other): request k is due at {@code start + k / rate} and taken by the first free worker. Its latency counts
 * from when it was due, so that time spent waiting for a free worker when the app falls behind is not hidden;
 * its service time, from when it was sent.
 * Each result goes to the minute in which the request was due.
 */
final class SteadyLoad {

    /** Sends request k and answers its error, or null. */
    interface Request {
        String send(long k) throws Exception;

        /** What request k asks for (a page's name), for the totals by kind. */
        default String kind(long k) {
            return "";
        }
    }

    private final String name;
    private final double perSecond;
    private final int workers;
    private final Request request;
    private final SoakMinutes minutes;
    private final AtomicLong next = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    SteadyLoad(String name, double perSecond, int workers, Request request, SoakMinutes minutes) {
        this.name = name;
        this.perSecond = perSecond;
        this.workers = workers;
        this.request = request;
        this.minutes = minutes;
    }

    /**
     * Starts the workers; requests are due from {@code startNanos} until {@code endNanos} (System.nanoTime()), and
     * their minutes counted from {@code measuredFromNanos} (the warm-up's fall before it).
     */
    void start(long startNanos, long measuredFromNanos, long endNanos) {
        double period = 1_000_000_000.0 / perSecond;
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    long k = next.getAndIncrement();
                    long due = startNanos + (long) (k * period);
                    if (due >= endNanos) {
                        return;
                    }
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long sentAt = System.nanoTime();
                    String error;
                    try {
                        error = request.send(k);
                    } catch (Exception e) {
                        error = e.toString();
                    }
                    long now = System.nanoTime();
                    minutes.record(name, request.kind(k), due - measuredFromNanos, (now - due) / 1_000, (now - sentAt) / 1_000,
                            error);
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Waits until every request due has been answered. */
    void join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
