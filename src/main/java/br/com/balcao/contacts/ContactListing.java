package br.com.balcao.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 */
@Component
@Transactional(readOnly = true)
class ContactListing {

    static final int PAGE_SIZE = 50;

    private static final String COLUMNS =
            "SELECT c.id, c.name, c.phone_e164, c.email, c.city, c.document, c.last_interaction_at FROM contacts c";

    private final JdbcTemplate jdbc;

    ContactListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Page(List<ContactRow> rows, Optional<ContactCursor> next) {
    }

    Page page(long numberId, ContactFilter filter, ZoneId zone, Optional<ContactCursor> after) {
        ContactQuery query = ContactQuery.of(numberId, filter, zone);
        List<ContactRow> rows = new ArrayList<>(PAGE_SIZE + 1);
        boolean inInteracted = after.map(cursor -> !cursor.inWithoutInteraction()).orElse(true);
        if (inInteracted) {
            rows.addAll(interacted(query, after, PAGE_SIZE + 1, rowsIn(zone)));
        }
        if (rows.size() <= PAGE_SIZE && !filter.hasPeriod()) {
            Optional<ContactCursor> nullCursor = after.filter(ContactCursor::inWithoutInteraction);
            rows.addAll(withoutInteraction(query, nullCursor, PAGE_SIZE + 1 - rows.size(), rowsIn(zone)));
        }
        if (rows.size() > PAGE_SIZE) {
            List<ContactRow> page = List.copyOf(rows.subList(0, PAGE_SIZE));
            return new Page(page, Optional.of(ContactCursor.after(page.get(PAGE_SIZE - 1))));
        }
        return new Page(List.copyOf(rows), Optional.empty());
    }

    private List<ContactRow> interacted(ContactQuery query, Optional<ContactCursor> after, int limit,
                                        RowMapper<ContactRow> rows) {
        if (after.isPresent()) {
            Timestamp at = Timestamp.from(after.get().lastInteractionAt());
            return jdbc.query(COLUMNS + " WHERE " + query.where() + """
                     AND c.last_interaction_at IS NOT NULL AND (c.last_interaction_at, c.id) < (?, ?)
                     ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?
                    """, rows, query.argumentsWith(at, after.get().id(), limit));
        }
        return jdbc.query(COLUMNS + " WHERE " + query.where() + """
                 AND c.last_interaction_at IS NOT NULL
                 ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?
                """, rows, query.argumentsWith(limit));
    }

    private List<ContactRow> withoutInteraction(ContactQuery query, Optional<ContactCursor> after, int limit,
                                                RowMapper<ContactRow> rows) {
        return jdbc.query(COLUMNS + " WHERE " + query.where() + """
                 AND c.last_interaction_at IS NULL AND c.id < ?
                 ORDER BY c.id DESC LIMIT ?
                """, rows, query.argumentsWith(after.map(ContactCursor::id).orElse(Long.MAX_VALUE),
                limit));
    }

    /** Rows with their last interaction written out in the number's zone. */
    private static RowMapper<ContactRow> rowsIn(ZoneId zone) {
        return (row, index) -> row(row, zone);
    }

    private static ContactRow row(ResultSet row, ZoneId zone) throws SQLException {
        Timestamp last = row.getTimestamp("last_interaction_at");
        return ContactRow.of(row.getLong("id"), row.getString("name"), row.getString("phone_e164"),
                row.getString("email"), row.getString("city"), row.getString("document"),
                last == null ? null : last.toInstant(), zone);
    }
}
