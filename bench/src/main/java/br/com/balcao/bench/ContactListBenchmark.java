package br.com.balcao.bench;

import br.com.balcao.bench.ContactListSql.Condition;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The contacts list (issue 6) against the raw SQL of the same query: for each filter, the median and p95 time
 * of the whole page (GET /contacts?..., signed in, one request after the other), of the list as the page's
 * filter form asks for it (the same GET from htmx: the page's content without the frame) and of the statements
 * the page runs for its rows ({@link ContactListSql}: the same SQL, through JDBC on the same database). The first
 * case finds nothing through the primary key: its times are the fixed cost of a page and of a list.
 *
 * Before the table each case's page and list are requested for an equal share of WARMUP_SECONDS (default 30),
 * so that the figures are those of a running server and not of a JIT compiler at work.
 *
 *   java ... ContactListBenchmark BASE_URL SESSION JDBC_URL NUMBER_ID [REQUESTS] [WARMUP_SECONDS]
 */
public final class ContactListBenchmark {

    private static final int WARMUP = 20;
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    /** One filter: the page's query string, and its SQL conditions with their values as the app writes them. */
    record Case(String name, String query, Condition scope, Condition search) {

        boolean hasPeriod() {
            return scope.sql().contains("last_interaction_at");
        }
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
        Condition period = new Condition(" AND c.last_interaction_at >= ? AND c.last_interaction_at < ?", from, to);
        String folded = " AND search_fold(c.%s) LIKE (SELECT '%%' || search_fold(?) || '%%') ESCAPE '\\'";
        String name = " AND c.name_folded LIKE (SELECT '%' || search_fold(?) || '%') ESCAPE '\\'";
        List<Case> cases = List.of(
                new Case("empty page (id=0)", "?id=0", new Condition(" AND c.id = ?", 0L), Condition.NONE),
                new Case("no filter", "", Condition.NONE, Condition.NONE),
                new Case("name 'gonçalves'", "?name=gon%C3%A7alves", Condition.NONE,
                        new Condition(name, "gonçalves")),
                new Case("city 'recife'", "?city=recife", Condition.NONE,
                        new Condition(folded.formatted("city"), "recife")),
                new Case("e-mail 'cliente12345'", "?email=cliente12345", Condition.NONE,
                        new Condition(" AND lower(c.email) LIKE '%' || lower(?) || '%' ESCAPE '\\'", "cliente12345")),
                new Case("phone digits '98765'", "?phone=98765", Condition.NONE,
                        new Condition(" AND c.phone_digits LIKE '%' || ? || '%'", "98765")),
                new Case("document '0001'", "?document=0001", Condition.NONE,
                        new Condition(" AND c.document ~>=~ ? AND c.document ~<~ ?", "0001", "0001:")),
                new Case("last 30 days", "?from=" + today.minusDays(30) + "&to=" + today, period, Condition.NONE),
                new Case("name + city + period", "?from=" + today.minusDays(30) + "&to=" + today
                        + "&name=maria&city=s%C3%A3o", period,
                        new Condition(name + folded.formatted("city"), "maria", "são")));

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
                for (int i = -WARMUP; i < requests; i++) {
                    long pageTime = timed(http, one, cookie);
                    long listTime = timed(http, one, cookie, "HX-Request: true");
                    long start = System.nanoTime();
                    int count = ContactListSql.firstPage(db, numberId, one.scope(), one.search(), one.hasPeriod());
                    long sqlTime = System.nanoTime() - start;
                    if (i >= 0) {
                        page[i] = pageTime;
                        list[i] = listTime;
                        sql[i] = sqlTime;
                        rows = count;
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
        int requests = WarmUp.evenly(cases, Duration.ofSeconds(seconds), one -> {
            timed(http, one, cookie);
            timed(http, one, cookie, "HX-Request: true");
        });
        System.out.printf("app warmed up for %d s (%d times the page and the list, an equal time for each filter)%n",
                seconds, requests);
    }

    private static double ms(long[] sorted, int percentile) {
        int rank = Math.max(1, (int) Math.ceil(percentile / 100.0 * sorted.length));
        return sorted[rank - 1] / 1_000_000.0;
    }
}
