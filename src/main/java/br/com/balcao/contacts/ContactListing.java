package br.com.balcao.contacts;

import br.com.balcao.shared.database.RecentFirst;
import br.com.balcao.shared.database.replica.ReadsFromReplica;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages of a number's contacts, most recent interaction first, by keyset on the index {@code contacts_recent}
 * (number, last interaction descending, id descending): a page costs the same at the first or the
 * thousandth page (the ORDER BY repeats the index's NULLS LAST, or PostgreSQL would sort the whole number's
 * contacts instead). Contacts that never interacted come last, read by a second statement only when the
 * contacts with interactions run out within the page.
 *
 * <p>With a text filter (name, e-mail, phone, city, document) the rows are found by {@link RecentFirst}: a walk
 * of the first {@value #FIRST_WALK} contacts of the order, a longer one when the matches found promise a page
 * within {@value #LONGEST_WALK}, or else every match through the filter's index, sorted. Left to itself,
 * PostgreSQL chose wrong both ways (docs/benchmarks.md, the contacts list's runs G and H).
 */
@Component
@ReadsFromReplica
@Transactional(readOnly = true)
class ContactListing {

    static final int PAGE_SIZE = 50;
    static final int FIRST_WALK = 1_000;
    static final int LONGEST_WALK = 16_000;
    private static final RecentFirst RECENT_FIRST = new RecentFirst(FIRST_WALK, LONGEST_WALK);

    private static final String COLUMNS = "c.id, c.name, c.phone_e164, c.email, c.city, c.document, c.last_interaction_at";
    /** What the text filters read, for a walk's rows. */
    private static final String WALKED_COLUMNS = COLUMNS + ", c.number_id, c.name_folded, c.phone_digits";

    private final JdbcTemplate jdbc;

    ContactListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Page(List<ContactRow> rows, Optional<ContactCursor> next) {
    }

    /** One of the list's two parts, from a cursor: its condition, the cursor's arguments, its order. */
    private record Part(String condition, List<Object> cursor, String order) {

        static Part interacted(Optional<ContactCursor> after) {
            String condition = "c.last_interaction_at IS NOT NULL";
            String order = "c.last_interaction_at DESC NULLS LAST, c.id DESC";
            return after.map(cursor -> new Part(condition + " AND (c.last_interaction_at, c.id) < (?, ?)",
                            List.<Object>of(Timestamp.from(cursor.lastInteractionAt()), cursor.id()), order))
                    .orElse(new Part(condition, List.of(), order));
        }

        static Part withoutInteraction(Optional<ContactCursor> after) {
            return new Part("c.last_interaction_at IS NULL AND c.id < ?",
                    List.of(after.map(ContactCursor::id).orElse(Long.MAX_VALUE)), "c.id DESC");
        }
    }

    Page page(long numberId, ContactFilter filter, ZoneId zone, Optional<ContactCursor> after) {
        ContactQuery query = ContactQuery.of(numberId, filter, zone);
        RowMapper<ContactRow> rows = (row, index) -> row(row, zone);
        List<ContactRow> found = new ArrayList<>(PAGE_SIZE + 1);
        boolean inInteracted = after.map(cursor -> !cursor.inWithoutInteraction()).orElse(true);
        if (inInteracted) {
            found.addAll(rows(query, Part.interacted(after), PAGE_SIZE + 1, rows));
        }
        if (found.size() <= PAGE_SIZE && !filter.hasPeriod()) {
            Optional<ContactCursor> nullCursor = after.filter(ContactCursor::inWithoutInteraction);
            found.addAll(rows(query, Part.withoutInteraction(nullCursor), PAGE_SIZE + 1 - found.size(), rows));
        }
        if (found.size() > PAGE_SIZE) {
            List<ContactRow> page = List.copyOf(found.subList(0, PAGE_SIZE));
            return new Page(page, Optional.of(ContactCursor.after(page.get(PAGE_SIZE - 1))));
        }
        return new Page(List.copyOf(found), Optional.empty());
    }

    private List<ContactRow> rows(ContactQuery query, Part part, int limit, RowMapper<ContactRow> rows) {
        if (!query.searches()) {
            return jdbc.query("SELECT %s FROM contacts c WHERE %s AND %s ORDER BY %s LIMIT ?"
                            .formatted(COLUMNS, query.where(), part.condition(), part.order()), rows,
                    arguments(query.arguments(), part.cursor(), List.of(limit)));
        }
        return RECENT_FIRST.find(limit, length -> walk(query, part, length, limit, rows),
                () -> sortedMatches(query, part, limit, rows));
    }

    /** The matches among the first {@code length} contacts of the part, in the index's order. */
    private List<ContactRow> walk(ContactQuery query, Part part, int length, int limit, RowMapper<ContactRow> rows) {
        return jdbc.query("""
                SELECT %s FROM (SELECT %s FROM contacts c WHERE %s AND %s ORDER BY %s LIMIT ?) c
                 WHERE true%s ORDER BY %s LIMIT ?
                """.formatted(COLUMNS, WALKED_COLUMNS, query.scope(), part.condition(), part.order(), query.search(),
                part.order()), rows, arguments(query.scopeArguments(), part.cursor(), List.of(length),
                query.searchArguments(), List.of(limit)));
    }

    /** Every match of the part through the filter's index, sorted (the CTE keeps PostgreSQL from walking instead). */
    private List<ContactRow> sortedMatches(ContactQuery query, Part part, int limit, RowMapper<ContactRow> rows) {
        return jdbc.query("""
                WITH matches AS MATERIALIZED (SELECT %s FROM contacts c WHERE %s AND %s)
                SELECT * FROM matches c ORDER BY %s LIMIT ?
                """.formatted(COLUMNS, query.where(), part.condition(), part.order()), rows,
                arguments(query.arguments(), part.cursor(), List.of(limit)));
    }

    @SafeVarargs
    private static Object[] arguments(List<Object>... lists) {
        return Stream.of(lists).flatMap(List::stream).toArray();
    }

    private static ContactRow row(ResultSet row, ZoneId zone) throws SQLException {
        Timestamp last = row.getTimestamp("last_interaction_at");
        return ContactRow.of(row.getLong("id"), row.getString("name"), row.getString("phone_e164"),
                row.getString("email"), row.getString("city"), row.getString("document"),
                last == null ? null : last.toInstant(), zone);
    }
}
