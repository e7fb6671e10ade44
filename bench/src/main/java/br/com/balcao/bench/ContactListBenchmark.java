package br.com.balcao.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contacts list (issue 6) against the raw SQL of the same query: for each filter, the median and p95 time
 * of the whole page (GET /contacts?..., signed in, one request after the other), of the list as the page's
 * filter form asks for it (the same GET from htmx: the page's content without the frame) and of the statement
 * the page runs for its rows (the same SQL, prepared once, through JDBC on the same database). The first case
 * finds nothing through the primary key: its times are the fixed cost of a page and of a list.
 *
 * Before the table every case's page is requested in turn for WARMUP_SECONDS (default 30), so that the
 * figures are those of a running server and not of a JIT compiler at work.
 *
 *   java ... ContactListBenchmark BASE_URL SESSION JDBC_URL NUMBER_ID [REQUESTS] [WARMUP_SECONDS]
 */
public final class ContactListBenchmark {

    private static final int WARMUP = 20;
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    private static final String COLUMNS =
            "SELECT c.id, c.name, c.phone_e164, c.email, c.city, c.document, c.last_interaction_at FROM contacts c"
                    + " WHERE c.number_id = ?";
    private static final String ORDER = " AND c.last_interaction_at IS NOT NULL"
            + " ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 51";

    /** One filter: the page's query string, and the SQL condition with its values as the app writes them. */
    record Case(String name, String query, String condition, Object... values) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String session = args[1];
        String jdbcUrl = args[2];
        long numberId = Long.parseLong(args[3]);
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 40;
        LocalDate today = LocalDate.now(ZONE);
        Timestamp from = Timestamp.from(today.minusDays(30).atStartOfDay(ZONE).toInstant());
        Timestamp to = Timestamp.from(today.plusDays(1).atStartOfDay(ZONE).toInstant());
        List<Case> cases = List.of(
                new Case("empty page (id=0)", "?id=0", " AND c.id = ?", 0L),
                new Case("no filter", "", ""),
                new Case("name 'gonçalves'", "?name=gon%C3%A7alves",
                        " AND search_fold(c.name) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'", "gonçalves"),
                new Case("city 'recife'", "?city=recife",
                        " AND search_fold(c.city) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'", "recife"),
                new Case("e-mail 'cliente12345'", "?email=cliente12345",
                        " AND lower(c.email) LIKE '%' || lower(?) || '%' ESCAPE '\\'", "cliente12345"),
                new Case("phone digits '98765'", "?phone=98765", " AND c.phone_digits LIKE '%' || ? || '%'", "98765"),
                new Case("document '0001'", "?document=0001", " AND c.document ~>=~ ? AND c.document ~<~ ?", "0001",
                        "0001:"),
                new Case("last 30 days", "?from=" + today.minusDays(30) + "&to=" + today,
                        " AND c.last_interaction_at >= ? AND c.last_interaction_at < ?", from, to),
                new Case("name + city + period", "?from=" + today.minusDays(30) + "&to=" + today
                        + "&name=maria&city=s%C3%A3o",
                        " AND c.last_interaction_at >= ? AND c.last_interaction_at < ?"
                                + " AND search_fold(c.name) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'"
                                + " AND search_fold(c.city) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'",
                        from, to, "maria", "são"));

        LoopbackHttp http = new LoopbackHttp(URI.create(base));
        String cookie = "Cookie: SESSION=" + session;
        warmUp(http, cookie, cases, args.length > 5 ? Integer.parseInt(args[5]) : 30);
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            System.out.printf("%-24s %9s %9s %9s %9s %9s %9s %7s %7s %5s%n", "filter", "page p50", "page p95",
                    "list p50", "list p95", "sql p50", "sql p95", "list/sql", "p95", "rows");
            for (Case one : cases) {
                long[] page = new long[requests];
                long[] list = new long[requests];
                long[] sql = new long[requests];
                int rows = 0;
                try (PreparedStatement statement = db.prepareStatement(COLUMNS + one.condition() + ORDER)) {
                    statement.setLong(1, numberId);
                    for (int i = 0; i < one.values().length; i++) {
                        statement.setObject(i + 2, one.values()[i]);
                    }
                    for (int i = -WARMUP; i < requests; i++) {
                        long pageTime = timed(http, one, cookie);
                        long listTime = timed(http, one, cookie, "HX-Request: true");
                        long start = System.nanoTime();
                        int count = 0;
                        try (ResultSet result = statement.executeQuery()) {
                            while (result.next()) {
                                count++;
                            }
                        }
                        long sqlTime = System.nanoTime() - start;
                        if (i >= 0) {
                            page[i] = pageTime;
                            list[i] = listTime;
                            sql[i] = sqlTime;
                            rows = count;
                        }
                    }
                }
                Arrays.sort(page);
                Arrays.sort(list);
                Arrays.sort(sql);
                System.out.printf("%-24s %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms %6.1fx %6.1fx %5d%n",
                        one.name(), ms(page, 50), ms(page, 95), ms(list, 50), ms(list, 95), ms(sql, 50), ms(sql, 95),
                        ms(list, 50) / ms(sql, 50), ms(list, 95) / ms(sql, 95), Math.min(rows, 50));
            }
        }
        System.out.println("measured at " + Instant.now());
    }

    /**
     * The whole page, or with the header {@code HX-Request} what the page's filter form asks for: the list
     * without the frame. Its time, body read.
     */
    private static long timed(LoopbackHttp http, Case one, String... headers) throws Exception {
        long start = System.nanoTime();
        LoopbackHttp.Response response = http.get("/contacts" + one.query(), headers);
        long time = System.nanoTime() - start;
        if (response.status() != 200) {
            throw new IllegalStateException("/contacts" + one.query() + " answered " + response.status());
        }
        return time;
    }

    private static void warmUp(LoopbackHttp http, String cookie, List<Case> cases, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int requests = 0;
        while (System.nanoTime() < end) {
            for (Case one : cases) {
                timed(http, one, cookie);
                timed(http, one, cookie, "HX-Request: true");
                requests += 2;
            }
        }
        System.out.printf("app warmed up for %d s (%d page requests over the filters)%n", seconds, requests);
    }

    private static double ms(long[] sorted, int percentile) {
        int rank = Math.max(1, (int) Math.ceil(percentile / 100.0 * sorted.length));
        return sorted[rank - 1] / 1_000_000.0;
    }
}
