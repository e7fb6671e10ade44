package br.com.balcao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak (issue 10): for N minutes, signed inbound webhooks at a steady rate (new customers, customers who
 * wrote before, and Meta's re-deliveries) while signed-in agents and a manager browse the Desk, a ticket, the
 * Conversations search and Monitoring at a steady rate. After each minute: that minute's requests, errors and p95
 * latencies (from when each request was due, and from when it was sent), after a warm-up at the same rates, and
 * the app's live heap (what a full collection leaves, from {@code jcmd GC.class_histogram}).
 * At the end: every wamid answered 200 must be stored exactly once (the set sent against the database).
 * Exits 1 on any error, lost or duplicated message.
 * <pre>
 * java -cp bench/target/classes:postgresql.jar br.com.balcao.bench.SoakBenchmark --base=http://127.0.0.1:8095
 *     --jdbc=URL --app-pid=PID --jcmd=PATH [--minutes=10] [--warmup=30] [--webhook-rate=25] [--page-rate=5]
 *     [--phone-number-id=900000000001] [--agents=a@x,b@x] [--manager=m@x] [--password=bench]
 * </pre>
 */
public final class SoakBenchmark {

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final String WEBHOOKS = "webhooks";
    private static final String PAGES = "pages";

    private final Map<String, String> options;
    private final SoakMinutes minutes = new SoakMinutes();

    private SoakBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("minutes", "10", "webhook-rate", "25", "page-rate", "5",
                "warmup", "30", "phone-number-id", "900000000001", "password", "bench", "manager", "bench.manager@bench.local",
                "agents", "bench.agent.1.1@bench.local,bench.agent.1.2@bench.local,bench.agent.1.3@bench.local",
                "secrets", "bench-secret,demo-app-secret"));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("expected --name=value, got " + arg);
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        for (String required : List.of("base", "jdbc", "app-pid", "jcmd")) {
            if (!options.containsKey(required)) {
                System.err.println("--" + required + " is required");
                System.exit(2);
            }
        }
        System.exit(new SoakBenchmark(options).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        int totalMinutes = Integer.parseInt(options.get("minutes"));
        String base = options.get("base");
        Options webhook = new Options();
        webhook.url = base + "/webhooks/whatsapp";
        webhook.jdbcUrl = options.get("jdbc");
        webhook.phoneNumberId = options.get("phone-number-id");
        webhook.secrets = Arrays.asList(options.get("secrets").split(","));
        // Texts only, as the soak's figures have always been: its check numbers every new request as a message.
        webhook.mediaFraction = 0;
        webhook.reactionFraction = 0;
        String secret = WebhookLoad.secretInForce(webhook);
        Customers customers = new Customers(webhook.customers, webhook.repeatFraction, webhook.run);
        WebhookLoad load = new WebhookLoad(webhook, secret, customers);
        String prefix = WebhookLoad.wamidPrefix(webhook.run) + "m";

        try (Database db = new Database(options.get("jdbc"))) {
            List<Visit> visits = visits(base, db, db.numberId(webhook.phoneNumberId));
            double webhookRate = Double.parseDouble(options.get("webhook-rate"));
            double pageRate = Double.parseDouble(options.get("page-rate"));
            line("Balcão soak, run %s: %s s of warm-up, then %d minutes; webhooks at %.0f/s to %s (%.0f %% repeat customers, %.0f %% "
                            + "re-deliveries); pages at %.0f/s over %d visits by %d agents and a manager",
                    webhook.run, options.get("warmup"), totalMinutes, webhookRate, webhook.phoneNumberId, webhook.repeatFraction * 100,
                    webhook.replayFraction * 100, pageRate, visits.size(), agents().size());
            line("heap after a full GC before the load: %s MB; load average: %s", heapAfterGc(), loadAverage());
            line("%-7s | %8s %6s %8s %8s %8s | %6s %6s %8s %8s %8s | %7s %s", "minute", "webhooks", "errors",
                    "p95 ms", "svc p95", "max ms", "pages", "errors", "p95 ms", "svc p95", "max ms", "heap MB",
                    "load avg");

            AtomicLong unique = new AtomicLong();
            ThreadLocal<Phase.Client> clients = ThreadLocal.withInitial(load::client);
            SteadyLoad webhooks = new SteadyLoad(WEBHOOKS, webhookRate, 32, k -> {
                Phase.Sent sent = clients.get().once(true);
                if (!sent.replay()) {
                    unique.incrementAndGet();
                }
                return sent.error();
            }, minutes);
            SteadyLoad pages = new SteadyLoad(PAGES, pageRate, 16, new SteadyLoad.Request() {
                @Override
                public String send(long k) throws Exception {
                    visits.get((int) (k % visits.size())).open();
                    return null;
                }

                @Override
                public String kind(long k) {
                    return visits.get((int) (k % visits.size())).kind();
                }
            }, minutes);
            long warmup = Long.parseLong(options.get("warmup")) * 1_000_000_000L;
            long start = System.nanoTime() + 1_000_000_000L + warmup;
            long end = start + totalMinutes * 60_000_000_000L;
            webhooks.start(start - warmup, start, end);
            pages.start(start - warmup, start, end);
            if (warmup > 0) {
                sleepUntil(start);
                line("%-6s | %s | %s | %7s %s", "warm-up", minuteFigures(minutes.minute(WEBHOOKS, -1), 8),
                        minuteFigures(minutes.minute(PAGES, -1), 6), heapAfterGc(), loadAverage());
            }
            for (int minute = 0; minute < totalMinutes; minute++) {
                sleepUntil(start + (minute + 1) * 60_000_000_000L);
                String heap = heapAfterGc();
                String loadAverage = loadAverage();
                sleepUntil(start + (minute + 1) * 60_000_000_000L + 3_000_000_000L); // the minute's last answers
                SoakMinutes.Tally w = minutes.minute(WEBHOOKS, minute);
                SoakMinutes.Tally p = minutes.minute(PAGES, minute);
                line("%-7d | %s | %s | %7s %s", minute + 1, minuteFigures(w, 8), minuteFigures(p, 6), heap,
                        loadAverage);
            }
            webhooks.join();
            pages.join();

            line("");
            line("by kind over the run: requests, errors, p95 ms (from when due), p95 ms (from when sent), max ms");
            minutes.kinds().forEach((kind, t) -> line("  %-26s %8d %6d %9.1f %9.1f %9.1f", kind, t.requests(),
                    t.errors(), t.p95Millis(), t.p95ServiceMillis(), t.maxMillis()));
            long errors = minutes.kinds().values().stream().mapToLong(SoakMinutes.Tally::errors).sum();
            boolean exact = exactlyOnce(db, prefix, unique.get(), load.failedWamids());
            line("heap after a full GC at the end: %s MB; load average: %s", heapAfterGc(), loadAverage());
            boolean ok = errors == 0 && exact;
            line(ok ? "SOAK PASSED: no error, every message stored exactly once" : "SOAK FAILED");
            return ok;
        }
    }

    private static String minuteFigures(SoakMinutes.Tally tally, int width) {
        return String.format(java.util.Locale.ROOT, "%" + width + "d %6d %8.1f %8.1f %8.1f", tally.requests(),
                tally.errors(), tally.p95Millis(), tally.p95ServiceMillis(), tally.maxMillis());
    }

    /** Compares the wamids sent (n = 0 .. unique-1 after the prefix) with those stored, one by one. */
    private boolean exactlyOnce(Database db, String prefix, long unique, List<String> failed) throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (PreparedStatement query = db.connection().prepareStatement(
                "SELECT wamid, count(*), count(*) FILTER (WHERE ticket_id IS NULL) FROM messages "
                        + "WHERE wamid LIKE ? || '%' GROUP BY wamid")) {
            query.setString(1, prefix);
            long withoutTicket = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getLong(2));
                    withoutTicket += rows.getLong(3);
                }
            }
            Set<String> failedSet = new HashSet<>(failed);
            long lost = 0;
            long duplicated = 0;
            Set<String> sent = new HashSet<>();
            for (long n = 0; n < unique; n++) {
                String wamid = prefix + n;
                sent.add(wamid);
                long copies = stored.getOrDefault(wamid, 0L);
                if (copies == 0 && !failedSet.contains(wamid)) {
                    lost++;
                }
                duplicated += Math.max(0, copies - 1);
            }
            long unknown = stored.keySet().stream().filter(wamid -> !sent.contains(wamid)).count();
            line("messages: %d sent (%d answered 200, %d not), %d stored -> lost %d, duplicated %d, stored but never "
                            + "sent %d, stored without a ticket %d", unique, unique - failed.size(), failed.size(),
                    stored.size(), lost, duplicated, unknown, withoutTicket);
            return lost == 0 && duplicated == 0 && unknown == 0 && withoutTicket == 0;
        }
    }

    /** A page to open with a session, named for the totals. */
    private record Visit(String kind, AppSession session, String path) {
        void open() throws Exception {
            session.pageGet(path);
        }
    }

    /**
     * Each agent's round: the Desk, one of the number's recent tickets, a Conversations search (of contacts by
     * name, or of messages by a word the load writes); then the manager's Monitoring.
     */
    private List<Visit> visits(String base, Database db, long numberId) throws Exception {
        String password = options.get("password");
        AppSession manager = AppSession.signIn(base, options.get("manager"), password);
        List<Long> tickets = recentTickets(db, numberId);
        List<Visit> visits = new ArrayList<>();
        List<String> agents = agents();
        for (int i = 0; i < agents.size(); i++) {
            AppSession agent = AppSession.signIn(base, agents.get(i), password);
            visits.add(new Visit("desk", agent, "/desk"));
            visits.add(new Visit("ticket view", agent, "/desk/tickets/" + tickets.get(i % tickets.size())));
            visits.add(i % 2 == 0 ? new Visit("contacts search", agent, "/conversations?q=Maria")
                    : new Visit("messages search", agent, "/conversations?in=messages&q=pedido"));
            visits.add(new Visit("monitoring", manager, "/monitoring"));
        }
        return visits;
    }

    private List<String> agents() {
        return Arrays.asList(options.get("agents").split(","));
    }

    private static List<Long> recentTickets(Database db, long numberId) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.connection().prepareStatement(
                "SELECT id FROM tickets WHERE number_id = ? ORDER BY id DESC LIMIT 50")) {
            query.setLong(1, numberId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the number has no ticket to view; generate the data first");
        }
        return ids;
    }

    /**
     * The app's live heap in MB: {@code GC.class_histogram} collects fully and then sums the objects left. (A full
     * GC followed by {@code GC.heap_info} over-counts: under load the app allocates between the two commands.)
     */
    private String heapAfterGc() throws Exception {
        Matcher total = HISTOGRAM_TOTAL.matcher(jcmd("GC.class_histogram"));
        return total.find() ? String.valueOf(Long.parseLong(total.group(1)) / (1024 * 1024)) : "?";
    }

    private String jcmd(String command) throws Exception {
        Process process = new ProcessBuilder(options.get("jcmd"), options.get("app-pid"), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    private static void line(String format, Object... args) {
        System.out.println(String.format(java.util.Locale.ROOT, format, args));
        System.out.flush();
    }
}
