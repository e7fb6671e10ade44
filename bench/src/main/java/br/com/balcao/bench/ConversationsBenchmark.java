package br.com.balcao.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.postgresql.PGStatement;

/**
 * Desk Conversations (issue 5): p50/p95 of the search by name, by phone digits and by message content, and of
 * a heavy contact's first timeline page, through the app's HTTP endpoint (one signed-in session, htmx
 * fragment requests, one after the other) and through the best raw SQL for the same question on the same
 * database (plain JDBC, same page size). Each query of a set is sent in turn, app and SQL interleaved.
 *
 * <pre>
 * ConversationsBenchmark --base-url=http://127.0.0.1:8095 --jdbc=jdbc:postgresql://...
 *                        [--user=bench.manager@bench.local] [--password=bench] [--rounds=20] [--warmup=3]
 *                        [--warmup-seconds=30]
 * </pre>
 *
 * Before the table, every app request of every set is sent in turn for {@code warmup-seconds}, so that the
 * figures are those of a running server and not of a JIT compiler at work.
 */
public final class ConversationsBenchmark {

    private static final RecentFirst NAME_RECENT_FIRST = new RecentFirst(2_000, 40_000);
    /** A tier's matches among the first contacts of the numbers, from the index alone, as the app walks them. */
    private static final String NAME_WALK = """
            SELECT c.id
              FROM (SELECT c.id, c.name_folded, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (?)
                     ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?) c
             WHERE %s
             ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21
            """;
    /** Every match of a tier, sorted, as the app reads them when a walk would be too long. */
    private static final String NAME_MATCHES = """
            WITH matches AS MATERIALIZED (
                SELECT c.id, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (?) AND %s)
            SELECT c.id FROM matches c ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT 21
            """;
    private static final String PHONE_SQL = """
            SELECT c.id, c.name, c.phone_e164, c.number_id, c.last_interaction_at
              FROM contacts c
             WHERE c.number_id = ANY (?) AND c.phone_digits LIKE '%' || ? || '%'
             ORDER BY CASE WHEN c.phone_digits = ? THEN 0 WHEN c.phone_digits LIKE '%' || ? THEN 1
                           WHEN c.phone_digits LIKE ? || '%' THEN 2 ELSE 3 END,
                      c.last_interaction_at DESC NULLS LAST, c.id DESC
             LIMIT 21
            """;
    private static final String CONTENT_SQL = """
            SELECT m.id, m.contact_id, m.created_at, m.body
              FROM messages m
             WHERE m.number_id = ANY (?) AND m.created_at >= ?
               AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold(?))
             ORDER BY m.created_at DESC, m.id DESC
             LIMIT 21
            """;
    /** The page's own statement (MessageSearch): the hits with their contact, number and marked snippet. */
    private static final String CONTENT_PAGE_SQL = """
            WITH hits AS (
                SELECT m.id, m.contact_id, m.number_id, m.direction, m.created_at,
                       concat_ws(' ', m.body, m.media_caption) AS text
                  FROM messages m
                 WHERE m.number_id = ANY (?) AND m.created_at >= ?
                   AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold(?))
                 ORDER BY m.created_at DESC, m.id DESC
                 LIMIT ? OFFSET ?)
            SELECT h.id, h.contact_id, h.direction, h.created_at, c.name AS contact_name, c.phone_e164,
                   n.name AS number_name, n.time_zone,
                   ts_headline('portuguese_unaccent', replace(h.text, '<', chr(1)),
                               websearch_to_tsquery('portuguese_unaccent', ?),
                               'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                                   || ', MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
              FROM hits h
              JOIN contacts c ON c.id = h.contact_id
              JOIN business_numbers n ON n.id = h.number_id
             ORDER BY h.created_at DESC, h.id DESC
            """;
    /**
     * The page's own statement (ContactTimeline, no search words, no cursor): each message with its ticket and
     * author. As the app sends it: with the limit a parameter, PostgreSQL's generic plan (after five runs of a
     * prepared statement) keeps the index order; with a constant limit it joined all 20,000 messages first.
     */
    private static final String TIMELINE_PAGE_SQL = """
            SELECT m.id, m.ticket_id, t.ticket_number, t.status AS ticket_status, m.direction, m.author_type,
                   u.name AS author_name, m.type, m.media_file_name, m.media_caption, m.template_name, m.status,
                   m.error_message, m.created_at,
                   CASE WHEN q.words IS NOT NULL
                             AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold(q.words))
                        THEN ts_headline('portuguese_unaccent', replace(m.body, '<', chr(1)),
                                         websearch_to_tsquery('portuguese_unaccent', q.words),
                                         'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true')
                        ELSE m.body END AS body
              FROM (SELECT ?::text AS words) q, messages m
              LEFT JOIN tickets t ON t.id = m.ticket_id
              LEFT JOIN app_users u ON u.id = m.author_user_id
             WHERE m.contact_id = ? AND m.created_at >= ?
               AND ?::bigint IS NULL
             ORDER BY m.created_at DESC, m.id DESC
             LIMIT ?
            """;
    private static final String TIMELINE_SQL = """
            SELECT m.id, m.ticket_id, m.direction, m.body, m.created_at
              FROM messages m
             WHERE m.contact_id = ? AND m.created_at >= ?
             ORDER BY m.created_at DESC, m.id DESC
             LIMIT 51
            """;

    /** The set measured since issue 5: ten single words and two names of two words next to each other. */
    static final List<String> NAMES = List.of("joao", "maria", "conceição", "simoes", "peçanha",
            "gonçalo guimaraes", "leticia", "assunção", "romao", "falcao xavier", "patricia", "zanetti");
    /** The set's single words alone: the searches whose statements the word-by-word rule left as they were. */
    private static final List<String> SINGLE_WORDS = NAMES.stream().filter(name -> !name.contains(" ")).toList();
    /** Two words: next to each other, with a middle name between them, in the other order, cut short. */
    private static final List<String> TWO_WORDS = List.of("maria goncalves", "joao alves", "silva ana",
            "leticia xavier", "guimaraes zanetti", "pat fag", "rogério peçanha", "tavares fernanda");
    /** Three words: the whole name, out of order, cut short, and one word that no name has. */
    private static final List<String> THREE_WORDS = List.of("joao silva alves", "maria gonçalves xavier",
            "alves joao silva", "leticia conc zan", "ana lima teix", "zanetti maria romão", "jose santos quixote");
    private static final List<String> WORDS = List.of("pedido", "nota fiscal", "pix", "etiqueta", "camiseta",
            "sábado", "rastreamento", "frete grátis", "cartão", "aplicativo erro");

    private ConversationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String baseUrl = options.getOrDefault("base-url", "http://127.0.0.1:8095");
        String jdbc = options.get("jdbc");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        AppSession app = AppSession.signIn(baseUrl, options.getOrDefault("user", "bench.manager@bench.local"),
                options.getOrDefault("password", "bench"));
        try (Connection db = DriverManager.getConnection(jdbc)) {
            db.setReadOnly(true);
            List<Long> numbers = longs(db, """
                    SELECT m.number_id FROM memberships m JOIN app_users u ON u.id = m.user_id
                     WHERE u.email = ? ORDER BY 1""", options.getOrDefault("user", "bench.manager@bench.local"));
            Array numberArray = db.createArrayOf("bigint", numbers.toArray());
            Timestamp since = Timestamp.from(Instant.now().minus(Duration.ofDays(90)));
            long contacts = longs(db, "SELECT count(*) FROM contacts WHERE number_id = ANY (?)", numberArray).get(0);
            long messages = longs(db, "SELECT count(*) FROM messages WHERE number_id = ANY (?)", numberArray).get(0);
            System.out.printf(Locale.ROOT, "Data on the user's %d numbers: %,d contacts, %,d messages%n",
                    numbers.size(), contacts, messages);

            List<String> digits = digitRuns(db, numberArray);
            long heavy = longs(db, """
                    SELECT contact_id FROM messages WHERE number_id = ANY (?) AND created_at >= ?
                     GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1""", numberArray, since).get(0);
            long heavyCount = longs(db, "SELECT count(*) FROM messages WHERE contact_id = ? AND created_at >= ?",
                    heavy, since).get(0);

            List<String> warmUpPaths = new ArrayList<>();
            warmUpPaths.add("/conversations?q=");
            NAMES.forEach(q -> warmUpPaths.add("/conversations?q=" + AppSession.encode(q)));
            TWO_WORDS.forEach(q -> warmUpPaths.add("/conversations?q=" + AppSession.encode(q)));
            THREE_WORDS.forEach(q -> warmUpPaths.add("/conversations?q=" + AppSession.encode(q)));
            digits.forEach(q -> warmUpPaths.add("/conversations?q=" + AppSession.encode(q)));
            WORDS.forEach(q -> warmUpPaths.add("/conversations?in=messages&q=" + AppSession.encode(q)));
            warmUpPaths.add("/conversations/" + heavy + "/timeline");
            warmUp(app, warmUpPaths, Integer.parseInt(options.getOrDefault("warmup-seconds", "30")));

            System.out.println("case                 | app p50 ms | app p95 ms | SQL p50 ms | SQL p95 ms | p95 ratio");
            // The app's fixed cost of a request (session, security, access checks, rendering) with no search.
            measure("no search", List.of(""), rounds * 5, warmup,
                    q -> app.htmxGet("/conversations?q="), q -> run(db, "SELECT 1"));
            measure("name", NAMES, rounds, warmup,
                    q -> app.htmxGet("/conversations?q=" + AppSession.encode(q)),
                    q -> runNameTiers(db, q, numberArray));
            measure("name, 1 word only", SINGLE_WORDS, rounds, warmup,
                    q -> app.htmxGet("/conversations?q=" + AppSession.encode(q)),
                    q -> runNameTiers(db, q, numberArray));
            measure("name, 2 words", TWO_WORDS, rounds, warmup,
                    q -> app.htmxGet("/conversations?q=" + AppSession.encode(q)),
                    q -> runNameTiers(db, q, numberArray));
            measure("name, 3 words", THREE_WORDS, rounds, warmup,
                    q -> app.htmxGet("/conversations?q=" + AppSession.encode(q)),
                    q -> runNameTiers(db, q, numberArray));
            measure("phone digits", digits, rounds, warmup,
                    q -> app.htmxGet("/conversations?q=" + AppSession.encode(q)),
                    q -> {
                        String d = q.replaceAll("\\D", "");
                        run(db, PHONE_SQL, numberArray, d, d, d, d);
                    });
            measure("content", WORDS, rounds, warmup,
                    q -> app.htmxGet("/conversations?in=messages&q=" + AppSession.encode(q)),
                    q -> run(db, CONTENT_SQL, numberArray, since, q));
            measure("timeline (" + heavyCount + " msgs)", List.of(String.valueOf(heavy)), rounds * 5, warmup,
                    q -> app.htmxGet("/conversations/" + q + "/timeline"),
                    q -> run(db, TIMELINE_SQL, Long.parseLong(q), since));
            // The same requests against the statements the pages run, which also read what the page shows
            // beside the messages (the snippet, the contact and number; the ticket and author).
            measure("content, page SQL", WORDS, rounds, warmup,
                    q -> app.htmxGet("/conversations?in=messages&q=" + AppSession.encode(q)),
                    q -> run(db, CONTENT_PAGE_SQL, numberArray, since, q, 21, 0, q));
            measure("timeline, page SQL", List.of(String.valueOf(heavy)), rounds * 5, warmup,
                    q -> app.htmxGet("/conversations/" + q + "/timeline"),
                    q -> run(db, TIMELINE_PAGE_SQL, null, Long.parseLong(q), since, null, 51));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        if (!options.containsKey("jdbc")) {
            throw new IllegalArgumentException("--jdbc=jdbc:postgresql://... is required");
        }
        return options;
    }

    private interface Action {
        void run(String query) throws Exception;
    }

    private static void warmUp(AppSession app, List<String> paths, int seconds) throws Exception {
        int requests = WarmUp.evenly(paths, Duration.ofSeconds(seconds), app::htmxGet);
        System.out.printf(Locale.ROOT, "App warmed up for %d s (%,d requests, an equal time for each of the sets' "
                + "%d queries)%n", seconds, requests, paths.size());
    }

    private static void measure(String name, List<String> queries, int rounds, int warmup, Action viaApp, Action viaSql)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (String query : queries) {
                viaApp.run(query);
                viaSql.run(query);
            }
        }
        Latencies appTimes = new Latencies();
        Latencies sqlTimes = new Latencies();
        for (int i = 0; i < rounds; i++) {
            for (String query : queries) {
                appTimes.add(timed(viaApp, query));
                sqlTimes.add(timed(viaSql, query));
            }
        }
        long[] appSorted = Latencies.merged(List.of(appTimes));
        long[] sqlSorted = Latencies.merged(List.of(sqlTimes));
        double appP95 = Latencies.percentileMillis(appSorted, 95);
        double sqlP95 = Latencies.percentileMillis(sqlSorted, 95);
        System.out.printf(Locale.ROOT, "%-20s | %10.1f | %10.1f | %10.1f | %10.1f | %8.2fx%n", name,
                Latencies.percentileMillis(appSorted, 50), appP95, Latencies.percentileMillis(sqlSorted, 50), sqlP95,
                appP95 / sqlP95);
    }

    private static long timed(Action action, String query) throws Exception {
        long start = System.nanoTime();
        action.run(query);
        return (System.nanoTime() - start) / 1000;
    }

    /** Executes the statement and reads every row, as a page would. */
    private static void run(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                }
            }
        }
    }

    /** The first page by name as the app reads it: tier after tier until 21 different contacts are found. */
    private static void runNameTiers(Connection db, String query, Array numbers) throws SQLException {
        String term;
        try (PreparedStatement fold = db.prepareStatement("SELECT search_fold(?)")) {
            fold.setString(1, query);
            try (ResultSet row = fold.executeQuery()) {
                row.next();
                term = row.getString(1);
            }
        }
        List<NameTier> tiers = NameTier.of(term);
        Set<Long> found = new HashSet<>();
        boolean severalWords = tiers.size() > 3;
        for (int tier = 0; tier < tiers.size() && found.size() < 21; tier++) {
            String sorted = severalWords ? NameTier.rankedMatches(tiers)
                    : NAME_MATCHES.formatted(tiers.get(tier).condition());
            List<Object> sortedPatterns = severalWords ? NameTier.rankedPatterns(tiers) : tiers.get(tier).patterns();
            found.addAll(tierMatches(db, tiers.get(tier).condition(), tiers.get(tier).patterns(), sorted,
                    sortedPatterns, numbers));
            if (severalWords) {
                break; // as the app: the first tier's walks, or every tier ranked at once
            }
        }
    }

    /** A tier's most recent matches, found as the app finds them (its walks of 2,000 then within 40,000). */
    private static List<Long> tierMatches(Connection db, String tier, List<Object> patterns, String sorted,
                                          List<Object> sortedPatterns, Array numbers) throws SQLException {
        return NAME_RECENT_FIRST.find(21, length -> walk(db, tier, patterns, numbers, length), () -> {
            List<Object> values = new ArrayList<>(List.of(numbers));
            values.addAll(sortedPatterns);
            try (PreparedStatement statement = db.prepareStatement(sorted)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0); // planned for the values, as the app does
                return longs(statement, values.toArray());
            }
        });
    }

    private static List<Long> walk(Connection db, String tier, List<Object> patterns, Array numbers, int length)
            throws SQLException {
        List<Object> values = new ArrayList<>(List.of(numbers, length));
        values.addAll(patterns);
        return longs(db, NAME_WALK.formatted(tier), values.toArray());
    }

    private static List<Long> longs(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            return longs(statement, parameters);
        }
    }

    private static List<Long> longs(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    /** Runs of 4 to 8 digits of real phones, typed in the formats users type. */
    private static List<String> digitRuns(Connection db, Array numbers) throws SQLException {
        List<String> phones = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT phone_digits FROM contacts WHERE number_id = ANY (?) ORDER BY id LIMIT 2000")) {
            statement.setArray(1, numbers);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    phones.add(rows.getString(1));
                }
            }
        }
        Random random = new Random(5);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String phone = phones.get(random.nextInt(phones.size()));
            int length = 4 + i % 5;
            int start = phone.length() - length - random.nextInt(3);
            String run = phone.substring(start, start + length);
            runs.add(i % 3 == 0 ? run : i % 3 == 1 ? run.substring(0, 2) + "-" + run.substring(2)
                    : "(" + phone.substring(2, 4) + ") " + phone.substring(4, 9));
        }
        return runs;
    }
}
