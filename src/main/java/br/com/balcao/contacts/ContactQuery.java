package br.com.balcao.contacts;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition of a number's contacts that pass a filter, with its arguments. Each filter is written so
 * that an index serves it: the number and period through {@code contacts_recent}, name and city through
 * trigram indexes on {@code search_fold(...)}, phone digits and e-mail through trigram indexes, the document
 * (digits) through a range on its prefix index.
 */
record ContactQuery(String where, List<Object> arguments) {

    static ContactQuery of(long numberId, ContactFilter filter, ZoneId zone) {
        StringBuilder where = new StringBuilder("c.number_id = ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(numberId);
        if (filter.fromDate() != null) {
            where.append(" AND c.last_interaction_at >= ?");
            arguments.add(Timestamp.from(filter.fromDate().atStartOfDay(zone).toInstant()));
        }
        if (filter.toDate() != null) {
            where.append(" AND c.last_interaction_at < ?");
            arguments.add(Timestamp.from(filter.toDate().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.name() != null) {
            where.append(" AND search_fold(c.name) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'");
            arguments.add(likeEscaped(filter.name()));
        }
        if (filter.email() != null) {
            where.append(" AND lower(c.email) LIKE '%' || lower(?) || '%' ESCAPE '\\'");
            arguments.add(likeEscaped(filter.email()));
        }
        if (filter.phoneDigits() != null) {
            where.append(" AND c.phone_digits LIKE '%' || ? || '%'");
            arguments.add(filter.phoneDigits());
        }
        if (filter.city() != null) {
            where.append(" AND search_fold(c.city) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'");
            arguments.add(likeEscaped(filter.city()));
        }
        if (filter.documentDigits() != null) {
            // A range rather than LIKE: a prepared statement's pattern is unknown when its plan is made, and only
            // a range of the pattern operators lets that plan use the prefix index. ':' sorts right after '9'.
            where.append(" AND c.document ~>=~ ? AND c.document ~<~ ?");
            arguments.add(filter.documentDigits());
            arguments.add(filter.documentDigits() + ":");
        }
        if (filter.contactId() != null) {
            where.append(" AND c.id = ?");
            arguments.add(filter.contactId());
        }
        return new ContactQuery(where.toString(), List.copyOf(arguments));
    }

    Object[] argumentsWith(Object... more) {
        List<Object> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
