package br.com.balcao.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ticket PDFs over HTTP (issue 7), with a signed-in session, in two modes:
 * <ul>
 *   <li>{@code single}: one PDF, timed to the first and the last byte, while another thread samples the
 *   app's heap in use every 10 ms through {@code /actuator/metrics/jvm.memory.used} (an admin session);
 *   prints the heap just before the request and the highest sample during it;</li>
 *   <li>{@code load}: N clients, each asking one PDF after the other (tickets taken in turn from a list)
 *   for a number of seconds after a warm-up; prints PDFs per second and latency percentiles.</li>
 * </ul>
 * Every response must be 200 with a body starting with %PDF and ending with %%EOF, or the run fails.
 * <pre>
 * java -cp bench/target/classes br.com.balcao.bench.PdfBenchmark single BASE SESSION ADMIN_SESSION TICKET_ID [GC_LOG]
 * java -cp bench/target/classes br.com.balcao.bench.PdfBenchmark load BASE SESSION CLIENTS SECONDS WARMUP IDS
 * </pre>
 * IDS: ticket ids separated by commas.
 */
public final class PdfBenchmark {

    private static final Pattern GC_TIME = Pattern.compile("^\\[([^\\]]+)\\]");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final DateTimeFormatter GC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern HEAP_VALUE = Pattern.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+]+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String session;

    private PdfBenchmark(String base, String session) {
        this.base = base;
        this.session = session;
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 5 && args[0].equals("single")) {
            new PdfBenchmark(args[1], args[2]).single(args[3], Long.parseLong(args[4]),
                    args.length > 5 ? Path.of(args[5]) : null);
        } else if (args.length >= 7 && args[0].equals("load")) {
            long[] ids = Arrays.stream(args[6].split(",")).mapToLong(Long::parseLong).toArray();
            new PdfBenchmark(args[1], args[2]).load(Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), ids);
        } else {
            System.err.println("usage: single BASE SESSION ADMIN_SESSION TICKET | load BASE SESSION CLIENTS SECONDS WARMUP IDS");
            System.exit(2);
        }
    }

    private void single(String adminSession, long ticketId, Path gcLog) throws Exception {
        PdfBenchmark admin = new PdfBenchmark(base, adminSession);
        long before = admin.heapUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(admin.heapUsed(), Math::max);
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        sampler.start();
        Instant requested = Instant.now();
        Result result = fetch(ticketId);
        Instant answered = Instant.now();
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(admin.heapUsed(), Math::max);
        System.out.printf("RESULT ticket=%d bytes=%d first_byte_ms=%.1f total_ms=%.1f heap_before_mb=%.1f "
                        + "heap_peak_mb=%.1f heap_growth_mb=%.1f%n", ticketId, result.bytes, result.firstByteNanos / 1e6,
                result.totalNanos / 1e6, before / 1048576.0, peak.get() / 1048576.0, (peak.get() - before) / 1048576.0);
        if (gcLog != null) {
            Thread.sleep(200); // the app's log is written by its own thread
            printCollections(gcLog, requested, answered);
        }
    }

    /**
     * The app's collections while the request ran, from its GC log (-Xlog:gc with the time decoration):
     * how many, the heap left in use after the last one before the request, and the largest left after one
     * during it (with full collections forced meanwhile, what the request really holds).
     */
    private static void printCollections(Path gcLog, Instant from, Instant to) throws IOException {
        int collections = 0;
        long maxAfterMb = -1;
        long lastBeforeMb = -1;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher time = GC_TIME.matcher(line);
            Matcher heap = GC_HEAP.matcher(line);
            if (!time.find() || !heap.find()) {
                continue;
            }
            Instant at = OffsetDateTime.parse(time.group(1), GC_TIME_FORMAT).toInstant();
            if (at.isBefore(from)) {
                lastBeforeMb = Long.parseLong(heap.group(2));
            } else if (!at.isAfter(to)) {
                collections++;
                maxAfterMb = Math.max(maxAfterMb, Long.parseLong(heap.group(2)));
            }
        }
        System.out.printf("RESULT collections_during=%d heap_after_gc_before_mb=%d heap_after_gc_max_mb=%s%n",
                collections, lastBeforeMb, collections == 0 ? "n/a" : String.valueOf(maxAfterMb));
    }

    private void load(int clients, int seconds, int warmupSeconds, long[] ids) throws Exception {
        run(clients, warmupSeconds, ids);
        long started = System.nanoTime();
        List<long[]> perClient = run(clients, seconds, ids);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("RESULT clients=%d seconds=%.1f pdfs=%d pdfs_per_s=%.1f p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f "
                        + "max_ms=%.0f%n", clients, elapsed, all.length, all.length / elapsed, percentile(all, 50),
                percentile(all, 95), percentile(all, 99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
    }

    /** Each client asks PDFs one after the other until the time is up; answers each client's latencies (ns). */
    private List<long[]> run(int clients, int seconds, long[] ids) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    for (int i = client; System.nanoTime() < deadline; i += clients) {
                        Result result = fetch(ids[i % ids.length]);
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = result.totalNanos;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Result(long bytes, long firstByteNanos, long totalNanos) {
    }

    private Result fetch(long ticketId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/history/" + ticketId + "/pdf"))
                .header("Cookie", "SESSION=" + session).timeout(Duration.ofSeconds(120)).GET().build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        long bytes = 0;
        byte[] head = new byte[4];
        byte[] tail = new byte[6];
        byte[] buffer = new byte[16384];
        try (InputStream in = response.body()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (firstByte == 0 && read > 0) {
                    firstByte = System.nanoTime() - start;
                }
                if (bytes < 4) {
                    System.arraycopy(buffer, 0, head, (int) bytes, (int) Math.min(read, 4 - bytes));
                }
                keepTail(tail, buffer, read);
                bytes += read;
            }
        }
        long total = System.nanoTime() - start;
        String end = new String(tail).strip();
        if (response.statusCode() != 200 || !new String(head).equals("%PDF") || !end.endsWith("%%EOF")) {
            throw new IllegalStateException("ticket " + ticketId + ": status " + response.statusCode() + ", "
                    + bytes + " bytes, not a whole PDF");
        }
        return new Result(bytes, firstByte, total);
    }

    private static void keepTail(byte[] tail, byte[] buffer, int read) {
        if (read >= tail.length) {
            System.arraycopy(buffer, read - tail.length, tail, 0, tail.length);
        } else if (read > 0) {
            System.arraycopy(tail, read, tail, 0, tail.length - read);
            System.arraycopy(buffer, 0, tail, tail.length - read, read);
        }
    }

    private long heapUsed() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .header("Cookie", "SESSION=" + session).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = HEAP_VALUE.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("heap metric: status " + response.statusCode() + " " + response.body());
        }
        return (long) Double.parseDouble(matcher.group(1));
    }

    private static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
