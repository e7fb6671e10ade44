package br.com.balcao.contacts;

import br.com.balcao.shared.database.NameWords;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition of a number's contacts that pass a filter, with its arguments, in two parts. The scope
 * (number, period, id) is what the list's index {@code contacts_recent} or the primary key serves; the search
 * (name, e-mail, phone, city, document) is served by its own indexes: trigram indexes on the folded name
 * (every word typed, in any order: {@link NameWords}),
 * {@code search_fold(city)}, phone digits and e-mail, a range on the document's prefix index. A typed text is
 * folded once per statement, in a sub-select: written inline, a plan made for any value folds it again for
 * every contact it reads.
 */
record ContactQuery(String scope, List<Object> scopeArguments, String search, List<Object> searchArguments) {

    static ContactQuery of(long numberId, ContactFilter filter, ZoneId zone) {
        StringBuilder scope = new StringBuilder("c.number_id = ?");
        List<Object> scopeArguments = new ArrayList<>(List.of(numberId));
        if (filter.fromDate() != null) {
            scope.append(" AND c.last_interaction_at >= ?");
            scopeArguments.add(Timestamp.from(filter.fromDate().atStartOfDay(zone).toInstant()));
        }
        if (filter.toDate() != null) {
            scope.append(" AND c.last_interaction_at < ?");
            scopeArguments.add(Timestamp.from(filter.toDate().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.contactId() != null) {
            scope.append(" AND c.id = ?");
            scopeArguments.add(filter.contactId());
        }
        StringBuilder search = new StringBuilder();
        List<Object> searchArguments = new ArrayList<>();
        NameWords name = NameWords.of(filter.name());
        if (!name.isEmpty()) {
            search.append(" AND ").append(name.everyWordInside("c.name_folded"));
            searchArguments.addAll(name.words());
        }
        if (filter.email() != null) {
            search.append(" AND lower(c.email) LIKE '%' || lower(?) || '%' ESCAPE '\\'");
            searchArguments.add(likeEscaped(filter.email()));
        }
        if (filter.phoneDigits() != null) {
            search.append(" AND c.phone_digits LIKE '%' || ? || '%'");
            searchArguments.add(filter.phoneDigits());
        }
        if (filter.city() != null) {
            search.append(" AND search_fold(c.city) LIKE (SELECT '%' || search_fold(?) || '%') ESCAPE '\\'");
            searchArguments.add(likeEscaped(filter.city()));
        }
        if (filter.documentDigits() != null) {
            // A range rather than LIKE: a prepared statement's pattern is unknown when its plan is made, and only
            // a range of the pattern operators lets that plan use the prefix index. ':' sorts right after '9'.
            search.append(" AND c.document ~>=~ ? AND c.document ~<~ ?");
            searchArguments.add(filter.documentDigits());
            searchArguments.add(filter.documentDigits() + ":");
        }
        return new ContactQuery(scope.toString(), List.copyOf(scopeArguments), search.toString(),
                List.copyOf(searchArguments));
    }

    /** The whole condition. */
    String where() {
        return scope + search;
    }

    /** The whole condition's arguments. */
    List<Object> arguments() {
        List<Object> all = new ArrayList<>(scopeArguments);
        all.addAll(searchArguments);
        return all;
    }

    /** Whether a text filter narrows the scope. */
    boolean searches() {
        return !search.isEmpty();
    }

    private static String likeEscaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
