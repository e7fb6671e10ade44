package br.com.balcao.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements the contacts list runs for its first page, as the app's {@code ContactListing} runs them
 * (copied: the bench is a separate project): the contacts in touch, then, when they do not fill the page,
 * those never in touch; with a text filter, a walk of the first 1,000 contacts of the order, a longer walk when
 * the matches found promise a page within 16,000, or else every match through the filter's index, sorted.
 */
final class ContactListSql {

    static final int LIMIT = 51;
    private static final RecentFirst RECENT_FIRST = new RecentFirst(1_000, 16_000);
    private static final String COLUMNS = "c.id, c.name, c.phone_e164, c.email, c.city, c.document, c.last_interaction_at";
    private static final String WALKED_COLUMNS = COLUMNS + ", c.number_id, c.name_folded, c.phone_digits";

    /** A condition (starting with " AND ", or empty) and its values. */
    record Condition(String sql, Object... values) {

        static final Condition NONE = new Condition("");
    }

    private record Part(String condition, String order) {
    }

    private static final Part INTERACTED = new Part("c.last_interaction_at IS NOT NULL",
            "c.last_interaction_at DESC NULLS LAST, c.id DESC");
    private static final Part WITHOUT_INTERACTION = new Part("c.last_interaction_at IS NULL AND c.id < 9223372036854775807",
            "c.id DESC");

    private ContactListSql() {
    }

    /** The first page's rows (up to 51), read as the app reads them. */
    static int firstPage(Connection db, long numberId, Condition scope, Condition search, boolean hasPeriod)
            throws SQLException {
        int rows = rows(db, numberId, scope, search, INTERACTED, LIMIT).size();
        if (rows < LIMIT && !hasPeriod) {
            rows += rows(db, numberId, scope, search, WITHOUT_INTERACTION, LIMIT - rows).size();
        }
        return rows;
    }

    private static List<Long> rows(Connection db, long numberId, Condition scope, Condition search, Part part, int limit)
            throws SQLException {
        String where = "c.number_id = ?" + scope.sql() + search.sql();
        if (search.sql().isEmpty()) {
            return run(db, "SELECT %s FROM contacts c WHERE %s AND %s ORDER BY %s LIMIT ?"
                    .formatted(COLUMNS, where, part.condition(), part.order()), numberId, scope, search, limit);
        }
        return RECENT_FIRST.find(limit, length -> walk(db, numberId, scope, search, part, length, limit),
                () -> run(db, """
                        WITH matches AS MATERIALIZED (SELECT %s FROM contacts c WHERE %s AND %s)
                        SELECT * FROM matches c ORDER BY %s LIMIT ?
                        """.formatted(COLUMNS, where, part.condition(), part.order()), numberId, scope, search, limit));
    }

    private static List<Long> walk(Connection db, long numberId, Condition scope, Condition search, Part part,
                                   int length, int limit) throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add(numberId);
        values.addAll(List.of(scope.values()));
        values.add(length);
        values.addAll(List.of(search.values()));
        values.add(limit);
        return ids(db, """
                SELECT %s FROM (SELECT %s FROM contacts c WHERE c.number_id = ?%s AND %s ORDER BY %s LIMIT ?) c
                 WHERE true%s ORDER BY %s LIMIT ?
                """.formatted(COLUMNS, WALKED_COLUMNS, scope.sql(), part.condition(), part.order(), search.sql(),
                part.order()), values);
    }

    private static List<Long> run(Connection db, String sql, long numberId, Condition scope, Condition search, int limit)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add(numberId);
        values.addAll(List.of(scope.values()));
        values.addAll(List.of(search.values()));
        values.add(limit);
        return ids(db, sql, values);
    }

    /** Executes the statement and reads every row's id (the first column). */
    private static List<Long> ids(Connection db, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }
    }
}
