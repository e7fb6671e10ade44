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
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds contacts by name or phone digits on a set of numbers, in one statement per page: the trigram
 * indexes on {@code search_fold(name)} and {@code phone_digits} find the candidates; the best matches (the
 * name or phone starts with what was typed, then a word of the name does) come first, then the most recent
 * interaction.
 */
@Component
@Transactional(readOnly = true)
class ContactSearch {

    static final int PAGE_SIZE = 20;

    private static final String NAME_HITS = """
            SELECT c.id, c.number_id, c.name, c.phone_e164, c.last_interaction_at, c.last_inbound_at,
                   CASE WHEN search_fold(c.name) LIKE q.term || '%' THEN 0
                        WHEN search_fold(c.name) LIKE '% ' || q.term || '%' THEN 1
                        ELSE 2 END AS rank
              FROM contacts c, (SELECT search_fold(?) AS term) q
             WHERE c.number_id = ANY (?) AND search_fold(c.name) LIKE '%' || q.term || '%'
            """;

    private static final String PHONE_HITS = """
            SELECT c.id, c.number_id, c.name, c.phone_e164, c.last_interaction_at, c.last_inbound_at,
                   CASE WHEN c.phone_digits = q.term THEN 0
                        WHEN c.phone_digits LIKE '%' || q.term THEN 1
                        WHEN c.phone_digits LIKE q.term || '%' THEN 2
                        ELSE 3 END AS rank
              FROM contacts c, (SELECT ?::text AS term) q
             WHERE c.number_id = ANY (?) AND c.phone_digits LIKE '%' || q.term || '%'
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
        String hits = query.kind() == SearchQuery.Kind.NAME ? NAME_HITS : PHONE_HITS;
        Instant now = clock.instant();
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
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
                    """.formatted(hits));
            Array numbers = connection.createArrayOf("bigint", numberIds.toArray());
            statement.setString(1, query.likeTerm());
            statement.setArray(2, numbers);
            statement.setInt(3, PAGE_SIZE + 1);
            statement.setInt(4, page * PAGE_SIZE);
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
