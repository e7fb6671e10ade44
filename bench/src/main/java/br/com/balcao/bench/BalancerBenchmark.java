package br.com.balcao.bench;

import br.com.balcao.bench.Envelopes.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The balancer run of issue 24: load through a load balancer in front of several app instances while one of them
 * is stopped and started again (the script does that), then the account of what Meta's side and the agents saw.
 * <ul>
 * <li>Webhook clients post signed envelopes of one new message each, one after the other, as Meta does: an
 * answer other than 200, a connection error or a timeout puts the same envelope back to be delivered again
 * {@code --retry-after} later (Meta retries for days; here until {@code --settle} seconds after the load ends).</li>
 * <li>Page clients, signed in through the balancer, fetch the Desk, the contacts and the monitoring pages.</li>
 * <li>Live clients hold the Desk's and Monitoring's event streams open as EventSource does, and reconnect a second
 * after a stream ends; each connection's instance is the {@code X-Balcao-Instance} header of its answer.</li>
 * </ul>
 * Last, by SQL: every wamid answered 200 is stored exactly once (lost and duplicated counted).
 * <pre>
 * --url=http://127.0.0.1:8390 --jdbc=jdbc:postgresql://... --secret=bench-secret --phone-number-id=100000000000003
 * --seconds=60 --webhook-clients=4 --page-clients=2 --live-clients=4 --user=manager@demo.local --password=demo
 * --retry-after=1 --settle=60 --run=(default: the time)
 * </pre>
 */
public final class BalancerBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String INSTANCE = "X-Balcao-Instance";
    private static final List<String> PAGES = List.of("/desk", "/contacts", "/monitoring", "/history");
    private static final List<String> STREAMS = List.of("/desk/events", "/monitoring/events");

    private final Map<String, String> options;
    private final String url;
    private final String run;
    private final long endAt;
    private final HttpClient meta = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Delivery> redeliveries = new ConcurrentLinkedQueue<>();
    private final ConcurrentMap<String, AtomicLong> webhookAnswers = new ConcurrentSkipList();
    private final AtomicLong webhookRequests = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> pageAnswers = new ConcurrentSkipList();
    private final ConcurrentMap<String, AtomicLong> streamsByInstance = new ConcurrentSkipList();
    private final ConcurrentMap<String, AtomicLong> streamEnds = new ConcurrentSkipList();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong switches = new AtomicLong();
    private final ConcurrentLinkedQueue<String> switchLog = new ConcurrentLinkedQueue<>();

    /** A sorted map of counters, for a report in a fixed order. */
    private static final class ConcurrentSkipList extends java.util.concurrent.ConcurrentSkipListMap<String, AtomicLong> {
    }

    private record Delivery(Envelope envelope, long dueAtMillis) {
    }

    private BalancerBenchmark(Map<String, String> options) {
        this.options = options;
        this.url = required("url");
        this.run = options.getOrDefault("run", Long.toString(System.currentTimeMillis() / 1000));
        this.endAt = System.currentTimeMillis() + number("seconds", 60) * 1000L;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        boolean ok = new BalancerBenchmark(options).runAll();
        System.exit(ok ? 0 : 1);
    }

    private boolean runAll() throws Exception {
        List<Thread> threads = new ArrayList<>();
        int webhookClients = number("webhook-clients", 4);
        CountDownLatch webhooksDone = new CountDownLatch(webhookClients);
        for (int i = 0; i < webhookClients; i++) {
            threads.add(start("webhook-" + i, false, () -> {
                try {
                    webhookClient();
                } finally {
                    webhooksDone.countDown();
                }
            }));
        }
        for (int i = 0; i < number("page-clients", 2); i++) {
            threads.add(start("pages-" + i, false, this::pageClient));
        }
        for (int i = 0; i < number("live-clients", 4); i++) {
            String stream = STREAMS.get(i % STREAMS.size());
            threads.add(start("live-" + i, true, () -> liveClient(stream)));
        }
        webhooksDone.await();
        for (Thread thread : threads) {
            if (!thread.isDaemon()) {
                thread.join();
            }
        }
        return report();
    }

    /** Posts new messages until the end, then only the redeliveries Meta still owes, until they are answered 200. */
    private void webhookClient() {
        Envelopes envelopes = new Envelopes(required("phone-number-id"), required("secret"));
        long settleUntil = endAt + number("settle", 60) * 1000L;
        long retryAfter = number("retry-after", 1) * 1000L;
        while (System.currentTimeMillis() < settleUntil) {
            Delivery due = takeDue();
            Envelope envelope;
            if (due != null) {
                envelope = due.envelope();
                redelivered.incrementAndGet();
            } else if (System.currentTimeMillis() < endAt) {
                long n = sequence.getAndIncrement();
                String wamid = "wamid.balancer." + run + "." + n;
                envelope = envelopes.text(wamid, "55119" + String.format(Locale.ROOT, "%08d", n % 50_000_000),
                        "Cliente " + n, "Mensagem pelo balanceador " + n, System.currentTimeMillis() / 1000);
                sent.add(wamid);
            } else if (redeliveries.isEmpty()) {
                return;
            } else {
                pause(100);
                continue;
            }
            String answer = deliver(envelope);
            count(webhookAnswers, answer);
            if (answer.equals("200")) {
                acknowledged.add(envelope.wamid());
            } else {
                redeliveries.add(new Delivery(envelope, System.currentTimeMillis() + retryAfter));
            }
        }
    }

    private Delivery takeDue() {
        Delivery head = redeliveries.peek();
        if (head != null && head.dueAtMillis() <= System.currentTimeMillis() && redeliveries.remove(head)) {
            return head;
        }
        return null;
    }

    /** The answer's status, or what went wrong instead ("connection error", "timeout"). */
    private String deliver(Envelope envelope) {
        webhookRequests.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/webhooks/whatsapp"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", envelope.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.body())).build();
        try {
            return Integer.toString(meta.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "connection error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void pageClient() {
        HttpClient browser = signedIn();
        for (int i = 0; System.currentTimeMillis() < endAt; i++) {
            String page = PAGES.get(i % PAGES.size());
            try {
                HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(URI.create(url + page))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                count(pageAnswers, response.statusCode() + " " + response.headers().firstValue(INSTANCE).orElse("?"));
            } catch (IOException e) {
                count(pageAnswers, "connection error");
            } catch (InterruptedException e) {
                return;
            }
            pause(200);
        }
    }

    /** EventSource's behaviour: holds the stream open, reconnects a second after it ends, however it ended. */
    private void liveClient(String stream) {
        HttpClient browser = signedIn();
        String previous = null;
        while (System.currentTimeMillis() < endAt) {
            String instance = "?";
            try {
                HttpResponse<java.util.stream.Stream<String>> response = browser.send(
                        HttpRequest.newBuilder(URI.create(url + stream)).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines());
                instance = response.headers().firstValue(INSTANCE).orElse("?");
                count(streamsByInstance, stream + " on " + instance + " (" + response.statusCode() + ")");
                if (previous != null) {
                    reconnects.incrementAndGet();
                    if (!previous.equals(instance)) {
                        switches.incrementAndGet();
                        switchLog.add(String.format(Locale.ROOT, "%tT %s: %s -> %s", System.currentTimeMillis(),
                                stream, previous, instance));
                    }
                }
                previous = instance;
                try (var lines = response.body()) {
                    lines.forEach(line -> { });
                }
                count(streamEnds, "ended normally by " + instance);
            } catch (IOException | UncheckedIOException e) {
                count(streamEnds, "broken (" + e.getClass().getSimpleName() + ") on " + instance);
            } catch (InterruptedException e) {
                return;
            }
            pause(1000);
        }
    }

    private HttpClient signedIn() {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            String form = browser.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF.matcher(form);
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String body = "username=" + encode(options.getOrDefault("user", "manager@demo.local")) + "&password="
                    + encode(options.getOrDefault("password", "demo")) + "&_csrf=" + encode(token.group(1));
            HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login refused: " + login.statusCode());
            }
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean report() throws Exception {
        long rows;
        long distinct;
        Set<String> stored = ConcurrentHashMap.newKeySet();
        try (Connection db = DriverManager.getConnection(required("jdbc"));
             PreparedStatement query = db.prepareStatement("SELECT wamid, count(*) FROM messages WHERE wamid LIKE ? GROUP BY wamid")) {
            query.setString(1, "wamid.balancer." + run + ".%");
            rows = 0;
            distinct = 0;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getString(1));
                    rows += result.getLong(2);
                    distinct++;
                }
            }
        }
        long lost = acknowledged.stream().filter(wamid -> !stored.contains(wamid)).count();
        long neverAcknowledged = sent.size() - acknowledged.size();
        long duplicated = rows - distinct;
        line("== Balancer run %s ==", run);
        line("webhooks: %d requests for %d messages; answers: %s; redeliveries (Meta's retries): %d",
                webhookRequests.get(), sent.size(), webhookAnswers, redelivered.get());
        line("messages: sent %d, answered 200 %d, never answered 200 %d; stored rows %d, distinct wamids %d -> "
                + "lost %d (answered 200, not stored), duplicated %d", sent.size(), acknowledged.size(),
                neverAcknowledged, rows, distinct, lost, duplicated);
        line("pages: %s", pageAnswers);
        line("live streams opened: %s", streamsByInstance);
        line("live streams ended: %s", streamEnds);
        line("live reconnects: %d, to another instance: %d", reconnects.get(), switches.get());
        switchLog.forEach(entry -> line("  %s", entry));
        Map<String, Long> errors = new TreeMap<>();
        webhookAnswers.forEach((answer, n) -> {
            if (!answer.equals("200")) {
                errors.put(answer, n.get());
            }
        });
        boolean ok = lost == 0 && duplicated == 0 && neverAcknowledged == 0
                && errors.keySet().stream().allMatch(answer -> answer.equals("503") || answer.equals("connection error"));
        line(ok ? "CHECK PASSED: every message stored exactly once; Meta saw no errors but retried 503s and refused connections"
                : "CHECK FAILED: see the counts above");
        return ok;
    }

    private static Thread start(String name, boolean daemon, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }

    private static void count(ConcurrentMap<String, AtomicLong> counters, String key) {
        counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    private int number(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void line(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
