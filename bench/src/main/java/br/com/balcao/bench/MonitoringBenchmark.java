package br.com.balcao.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitoring dashboard's cost (issue 8): signs in as the bench manager (every bench number), asks for the
 * whole dashboard of "All numbers" (/monitoring/panel: every card, detail table, tag count and the hourly
 * chart) many times, one request after the other, and reports the response times. Then it removes today's
 * bench tickets beyond the first --keep-today (the history stays as it is) and measures again.
 *
 * <p>Options: --base=http://127.0.0.1:8095 --jdbc=URL [--email=bench.manager@bench.local] [--password=bench]
 * [--warmup=5] [--runs=30] [--keep-today=5000]
 */
public final class MonitoringBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("id=\"metric-total\"[^>]*>([^<]*)<");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private MonitoringBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("email", "bench.manager@bench.local", "password", "bench",
                "warmup", "5", "runs", "30", "keep-today", "5000"));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument " + arg + "; see MonitoringBenchmark's comment");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        if (!options.containsKey("base") || !options.containsKey("jdbc")) {
            throw new IllegalArgumentException("--base and --jdbc are required");
        }
        new MonitoringBenchmark(options).run();
    }

    private void run() throws Exception {
        signIn();
        try (Connection db = DriverManager.getConnection(options.get("jdbc"))) {
            System.out.println("Data: " + volumes(db));
            measure("full day", db);
            long removed = keepToday(db, Long.parseLong(options.get("keep-today")));
            System.out.printf("Removed %,d of today's bench tickets (and their messages); history untouched%n", removed);
            System.out.println("Data: " + volumes(db));
            measure("smaller day", db);
        }
    }

    private void measure(String label, Connection db) throws Exception {
        int warmup = Integer.parseInt(options.get("warmup"));
        int runs = Integer.parseInt(options.get("runs"));
        String total = "";
        for (int i = 0; i < warmup; i++) {
            panel();
        }
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            String body = panel();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            Matcher matcher = TOTAL.matcher(body);
            total = matcher.find() ? matcher.group(1).trim() : "?";
        }
        Arrays.sort(millis);
        System.out.printf("%s: dashboard of all numbers says %s tickets today; %d requests after %d warm-up: "
                        + "min %d ms, median %d ms, p95 %d ms, max %d ms%n", label, total, runs, warmup, millis[0],
                millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1]);
    }

    private String panel() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/monitoring/panel?number=all")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/monitoring/panel answered " + response.statusCode());
        }
        return response.body();
    }

    private void signIn() throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + encode(options.get("email")) + "&password=" + encode(options.get("password"))
                + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + location);
        }
    }

    /** Today's tickets of the bench numbers, their messages, and the whole tables. */
    private static String volumes(Connection db) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("""
                WITH today AS (
                    SELECT t.id FROM tickets t JOIN business_numbers n ON n.id = t.number_id
                     WHERE n.phone_number_id LIKE '9000000000%'
                       AND t.created_at >= date_trunc('day', now() AT TIME ZONE n.time_zone) AT TIME ZONE n.time_zone)
                SELECT (SELECT count(*) FROM business_numbers WHERE phone_number_id LIKE '9000000000%') AS numbers,
                       (SELECT count(*) FROM today) AS today_tickets,
                       (SELECT count(*) FROM messages WHERE ticket_id IN (SELECT id FROM today)) AS today_messages,
                       (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM messages) AS messages,
                       (SELECT min(created_at) FROM tickets) AS oldest
                """)) {
            row.next();
            parts.add(row.getLong("numbers") + " bench numbers");
            parts.add(String.format("%,d tickets and %,d messages created today", row.getLong("today_tickets"),
                    row.getLong("today_messages")));
            parts.add(String.format("%,d tickets and %,d messages in all, since %s", row.getLong("tickets"),
                    row.getLong("messages"), row.getTimestamp("oldest").toInstant()));
        }
        return String.join("; ", parts);
    }

    private static long keepToday(Connection db, long keep) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE removed_today AS
                    SELECT t.id FROM tickets t JOIN business_numbers n ON n.id = t.number_id
                     WHERE n.phone_number_id LIKE '9000000000%%'
                       AND t.created_at >= date_trunc('day', now() AT TIME ZONE n.time_zone) AT TIME ZONE n.time_zone
                     ORDER BY t.id OFFSET %d
                    """.formatted(keep));
            statement.execute("DELETE FROM messages WHERE ticket_id IN (SELECT id FROM removed_today)");
            long removed = statement.executeUpdate("DELETE FROM tickets WHERE id IN (SELECT id FROM removed_today)");
            statement.execute("DROP TABLE removed_today");
            statement.execute("VACUUM ANALYZE tickets");
            statement.execute("VACUUM ANALYZE messages");
            return removed;
        }
    }

    private URI uri(String path) {
        return URI.create(options.get("base") + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
