package br.com.balcao.history;

import br.com.balcao.shared.database.NameWords;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL condition for one number's tickets inside the history window and the filters, over {@link #from}
 * ({@code tickets t}, joined to {@code contacts c} when the contact is filtered). Every value is a bind parameter.
 */
record HistoryCriteria(String where, List<Object> arguments, boolean filtersContact) {

    static HistoryCriteria of(long numberId, ZoneId zone, Instant windowStart, HistoryFilter filter) {
        Builder builder = new Builder();
        builder.add("t.number_id = ?", numberId);
        Instant from = filter.from() == null ? windowStart
                : latest(windowStart, filter.from().atStartOfDay(zone).toInstant());
        builder.add("t.created_at >= ?", Timestamp.from(from));
        if (filter.to() != null) {
            builder.add("t.created_at < ?", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.agentId() != null) {
            builder.add("t.agent_id = ?", filter.agentId());
        }
        if (filter.status() != null) {
            builder.add("t.status = ?", filter.status().name());
        }
        if (filter.reason() != null) {
            builder.add("t.close_reason = ?", filter.reason().name());
        }
        if (filter.ticketNumber() != null) {
            builder.add("t.ticket_number = ?", filter.ticketNumber());
        }
        if (filter.tagId() != null) {
            builder.add("EXISTS (SELECT 1 FROM ticket_tags tt WHERE tt.ticket_id = t.id AND tt.tag_id = ?)",
                    filter.tagId());
        }
        if (filter.contact() != null) {
            addContact(builder, filter.contact());
        }
        return new HistoryCriteria(String.join(" AND ", builder.conditions), List.copyOf(builder.arguments),
                filter.contact() != null);
    }

    /**
     * Letters search the name (accents and case folded, every word in any order); digits alone search any run of
     * the phone's digits.
     */
    private static void addContact(Builder builder, String contact) {
        boolean hasLetters = contact.codePoints().anyMatch(Character::isLetter);
        String digits = contact.replaceAll("\\D", "");
        if (hasLetters || digits.isEmpty()) {
            NameWords name = NameWords.of(contact);
            builder.add(name.everyWordInside("c.name_folded"), name.words().toArray());
        } else {
            builder.add("c.phone_digits LIKE '%' || ? || '%'", digits);
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The tables the condition needs: the contact only when filtering by it. */
    String from() {
        return filtersContact ? "tickets t JOIN contacts c ON c.id = t.contact_id" : "tickets t";
    }

    Object[] argumentsWith(Object... more) {
        List<Object> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return all.toArray();
    }

    private static final class Builder {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> arguments = new ArrayList<>();

        void add(String condition, Object... values) {
            conditions.add(condition);
            arguments.addAll(List.of(values));
        }
    }
}
