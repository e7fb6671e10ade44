package br.com.balcao.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Signed-in agents reading the pages that tolerate a replica's lag, each one page after the other (a closed loop):
 * the history list of the last days (a period: from and to), the Conversations page's contact search as htmx asks
 * for it while the user types, and the monitoring dashboard of all numbers. A request counts in the measured period
 * when it starts in it; the period's pages per second and each page's latency are reported.
 */
final class PageReaders {

    static final List<String> PAGES = List.of("history", "contact search", "monitoring");

    private final List<AppSession> sessions;
    private final int periodDays;
    private final List<Thread> threads = new ArrayList<>();
    private final List<List<Latencies>> latencies = new ArrayList<>();
    private final AtomicLongArray errors = new AtomicLongArray(PAGES.size());
    private final List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    private double measuredSeconds;

    /** One page's figures over the measured period. */
    record PageFigures(String page, long requests, long errors, double perSecond, double p50Millis, double p95Millis) {
    }

    private PageReaders(List<AppSession> sessions, int periodDays) {
        this.sessions = sessions;
        this.periodDays = periodDays;
        PAGES.forEach(page -> latencies.add(java.util.Collections.synchronizedList(new ArrayList<>())));
    }

    static PageReaders signIn(String baseUrl, String user, String password, int clients, int periodDays)
            throws Exception {
        List<AppSession> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(AppSession.signIn(baseUrl, user, password));
        }
        return new PageReaders(sessions, periodDays);
    }

    /** Starts the readers now; they read until {@code endNanos} and count from {@code measuredFromNanos}. */
    void start(long measuredFromNanos, long endNanos) {
        measuredSeconds = (endNanos - measuredFromNanos) / 1e9;
        for (int c = 0; c < sessions.size(); c++) {
            AppSession session = sessions.get(c);
            List<Latencies> mine = new ArrayList<>();
            for (List<Latencies> page : latencies) {
                Latencies own = new Latencies();
                page.add(own);
                mine.add(own);
            }
            int offset = c;
            Thread thread = new Thread(() -> read(session, mine, offset, measuredFromNanos, endNanos), "reader-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void read(AppSession session, List<Latencies> mine, int offset, long measuredFromNanos, long endNanos) {
        for (int i = offset; ; i++) {
            long start = System.nanoTime();
            if (start >= endNanos) {
                return;
            }
            int page = i % PAGES.size();
            try {
                get(session, page, i / PAGES.size());
                if (start >= measuredFromNanos) {
                    mine.get(page).add((System.nanoTime() - start) / 1_000);
                }
            } catch (Exception e) {
                if (start >= measuredFromNanos) {
                    errors.incrementAndGet(page);
                }
                if (firstErrors.size() < 5) {
                    firstErrors.add(PAGES.get(page) + ": " + e.getMessage());
                }
            }
        }
    }

    private void get(AppSession session, int page, int round) throws Exception {
        switch (page) {
            case 0 -> session.pageGet("/history?from=" + LocalDate.now().minusDays(periodDays) + "&to=" + LocalDate.now());
            case 1 -> session.htmxGet("/conversations?q=" + AppSession.encode(
                    ConversationsBenchmark.NAMES.get(round % ConversationsBenchmark.NAMES.size())));
            default -> session.htmxGet("/monitoring/panel?number=all");
        }
    }

    /** Waits for the readers to end; each page's figures over the measured period. */
    List<PageFigures> join() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        List<PageFigures> figures = new ArrayList<>();
        for (int page = 0; page < PAGES.size(); page++) {
            long[] sorted = Latencies.merged(latencies.get(page));
            figures.add(new PageFigures(PAGES.get(page), sorted.length, errors.get(page), sorted.length / measuredSeconds,
                    Latencies.percentileMillis(sorted, 50), Latencies.percentileMillis(sorted, 95)));
        }
        return figures;
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }
}
