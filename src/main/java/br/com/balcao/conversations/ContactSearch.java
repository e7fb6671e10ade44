package br.com.balcao.conversations;

import br.com.balcao.tickets.ServiceWindow;
import br.com.balcao.tickets.TicketStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds contacts by name or phone digits on a set of numbers; the best matches come first, then the most
 * recent interaction. By phone, one statement per page: the trigram index on {@code phone_digits} finds the
 * few candidates, ranked by where the digits match. By name, up to three statements per page, one per tier of
 * match, each read newest first and asked only for the rows the page still needs: the name starts with what
 * was typed, then a word of it does, then it is anywhere in it. For a common name PostgreSQL walks the
 * recency index {@code contacts_by_recent_interaction} and stops after a page of matches; for a rare one it
 * takes the prefix or trigram index; neither grows with the number of people called Maria. A tier is asked
 * only when the ones before it are exhausted, so each asks for its own matches and the better ones already
 * found (a query that excluded them would mislead the planner's estimates), which are skipped.
 */
@Component
@Transactional(readOnly = true)
class ContactSearch {

    static final int PAGE_SIZE = 20;

    private static final String CONTACT_COLUMNS =
            "c.id, c.number_id, c.name, c.phone_e164, c.last_interaction_at, c.last_inbound_at";

    /** The name's tiers of match, best first, each including the ones before it. */
    private static final List<String> NAME_TIERS = List.of(
            "search_fold(c.name) LIKE q.term || '%'",
            "(search_fold(c.name) LIKE q.term || '%' OR search_fold(c.name) LIKE '% ' || q.term || '%')",
            "search_fold(c.name) LIKE '%' || q.term || '%'");

    private static final String NAME_HITS = """
            SELECT %s, %d AS rank
              FROM contacts c, (SELECT search_fold(?) AS term) q
             WHERE c.number_id = ANY (?) AND %s
            """;

    private static final String PHONE_HITS = """
            SELECT %s,
                   CASE WHEN c.phone_digits = q.term THEN 0
                        WHEN c.phone_digits LIKE '%%' || q.term THEN 1
                        WHEN c.phone_digits LIKE q.term || '%%' THEN 2
                        ELSE 3 END AS rank
              FROM contacts c, (SELECT ?::text AS term) q
             WHERE c.number_id = ANY (?) AND c.phone_digits LIKE '%%' || q.term || '%%'
            """.formatted(CONTACT_COLUMNS);

    /** The hits of a page with where each conversation stands; the hits' query takes term, numbers, limit, offset. */
    private static final String WITH_STATE = """
            WITH hits AS (%s
                  ORDER BY rank, c.last_interaction_at DESC NULLS LAST, c.id DESC
                  LIMIT ? OFFSET ?)
            SELECT h.*, n.name AS number_name, n.time_zone, t.status AS ticket_status, t.agent_id,
                   u.name AS agent_name
              FROM hits h
              JOIN business_numbers n ON n.id = h.number_id
              LEFT JOIN tickets t ON t.contact_id = h.id AND t.status <> 'CLOSED'
              LEFT JOIN app_users u ON u.id = t.agent_id
             ORDER BY h.rank, h.last_interaction_at DESC NULLS LAST, h.id DESC
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContactSearch(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page (from 0) of contacts matching the query, plus one more row when a next page exists. */
    List<ContactHit> search(SearchQuery query, Collection<Long> numberIds, long userId, int page) {
        if (!query.searchable() || numberIds.isEmpty()) {
            return List.of();
        }
        int wanted = PAGE_SIZE + 1;
        int skip = page * PAGE_SIZE;
        if (query.kind() != SearchQuery.Kind.NAME) {
            return hits(PHONE_HITS, query, numberIds, userId, wanted, skip);
        }
        Map<Long, ContactHit> found = new LinkedHashMap<>();
        for (int tier = 0; tier < NAME_TIERS.size() && found.size() < skip + wanted; tier++) {
            String tierHits = NAME_HITS.formatted(CONTACT_COLUMNS, tier, NAME_TIERS.get(tier));
            for (ContactHit hit : hits(tierHits, query, numberIds, userId, skip + wanted, 0)) {
                found.putIfAbsent(hit.id(), hit);
            }
        }
        List<ContactHit> ranked = new ArrayList<>(found.values());
        return ranked.subList(Math.min(skip, ranked.size()), Math.min(skip + wanted, ranked.size()));
    }

    private List<ContactHit> hits(String hitsQuery, SearchQuery query, Collection<Long> numberIds, long userId,
                                  int limit, int offset) {
        Instant now = clock.instant();
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(WITH_STATE.formatted(hitsQuery));
            Array numbers = connection.createArrayOf("bigint", numberIds.toArray());
            statement.setString(1, query.likeTerm());
            statement.setArray(2, numbers);
            statement.setInt(3, limit);
            statement.setInt(4, offset);
            return statement;
        }, (row, i) -> hit(row, userId, now));
    }

    private static ContactHit hit(ResultSet row, long userId, Instant now) throws SQLException {
        String status = row.getString("ticket_status");
        Timestamp lastInbound = row.getTimestamp("last_inbound_at");
        Instant windowClosesAt = lastInbound == null ? null : lastInbound.toInstant().plus(ServiceWindow.LENGTH);
        ConversationState state = ConversationState.of(status == null ? null : TicketStatus.valueOf(status),
                (Long) row.getObject("agent_id"), userId, windowClosesAt, now);
        Timestamp lastInteraction = row.getTimestamp("last_interaction_at");
        return new ContactHit(row.getLong("id"), row.getString("name"), row.getString("phone_e164"),
                row.getLong("number_id"), row.getString("number_name"), ZoneId.of(row.getString("time_zone")),
                lastInteraction == null ? null : lastInteraction.toInstant(), state, row.getString("agent_name"));
    }
}
