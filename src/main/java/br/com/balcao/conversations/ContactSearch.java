package br.com.balcao.conversations;

import br.com.balcao.shared.database.NameWords;
import br.com.balcao.shared.database.RecentFirst;
import br.com.balcao.shared.database.replica.ReadsFromReplica;
import br.com.balcao.tickets.ServiceWindow;
import br.com.balcao.tickets.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds contacts by name or phone digits on a set of numbers; the best matches come first, then the most
 * recent interaction. By phone, one statement per page: the trigram index on {@code phone_digits} finds the
 * few candidates, ranked by where the digits match. By name, one tier of match at a time, each asked only for
 * the rows the page still needs ({@link NameWords}: the name starts with the words typed, in order; each word
 * starts a word of the name, in order, then in any order; each word is anywhere in it). A tier's most recent
 * matches are found by {@link RecentFirst}: a walk of the user's contacts in order of recent interaction that
 * reads the index {@code contacts_recent_names} alone (it carries the folded name), or, when the matches are too
 * rare for a walk, every match through the name's prefix or trigram index, sorted. Neither grows with the number
 * of people called Maria, and a name shared by one contact in 400 ("Peçanha Zanetti") no longer sorts every one
 * of them. A tier includes the better ones (already found, skipped in Java): a query that excluded them would
 * mislead the planner's estimates. With several words, only the first tier is walked: if that falls short, one
 * statement ranks the matches of every tier. The page's contacts are then read with where each conversation
 * stands.
 */
@Component
@ReadsFromReplica
@Transactional(readOnly = true)
class ContactSearch {

    static final int PAGE_SIZE = 20;

    private static final RecentFirst RECENT_FIRST = new RecentFirst(2_000, 40_000);

    private static final String CONTACT_COLUMNS =
            "c.id, c.number_id, c.name, c.phone_e164, c.last_interaction_at, c.last_inbound_at";

    /** A tier's matches among the first contacts (of the numbers, most recent first); numbers, length, patterns, limit. */
    private static final String NAME_WALK = """
            SELECT c.id
              FROM (SELECT c.id, c.name_folded, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (?)
                     ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?) c
             WHERE %s
             ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?
            """;

    /** Every match of a tier, sorted (the CTE keeps PostgreSQL from walking instead); numbers, patterns, limit. */
    private static final String NAME_MATCHES = """
            WITH matches AS MATERIALIZED (
                SELECT c.id, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (?) AND %s)
            SELECT c.id FROM matches c ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?
            """;

    /**
     * Every match of several words, ranked by tier, then the most recent: one read of the contacts with each word
     * inside the name, the trigram scan that every tier of several words starts with, instead of one per tier;
     * numbers, the last tier's patterns, the better tiers' patterns, limit.
     */
    private static final String NAME_MATCHES_RANKED = """
            WITH matches AS MATERIALIZED (
                SELECT c.id, c.name_folded, c.last_interaction_at FROM contacts c WHERE c.number_id = ANY (?) AND %s)
            SELECT c.id, CASE %s ELSE %d END AS tier FROM matches c
             ORDER BY tier, c.last_interaction_at DESC NULLS LAST, c.id DESC LIMIT ?
            """;

    private static final int TIER_IN_SECOND_COLUMN = -1;

    /** A contact found by name and its tier of match (0 the best). */
    private record Match(long id, int tier) {
    }

    /** The page's contacts by phone, best match first; term, numbers, limit, offset. */
    private static final String PHONE_HITS = """
            SELECT p.*, row_number() OVER (ORDER BY p.rank, p.last_interaction_at DESC NULLS LAST, p.id DESC) AS position
              FROM (SELECT %s,
                           CASE WHEN c.phone_digits = q.term THEN 0
                                WHEN c.phone_digits LIKE '%%' || q.term THEN 1
                                WHEN c.phone_digits LIKE q.term || '%%' THEN 2
                                ELSE 3 END AS rank
                      FROM contacts c, (SELECT ?::text AS term) q
                     WHERE c.number_id = ANY (?) AND c.phone_digits LIKE '%%' || q.term || '%%'
                     ORDER BY rank, c.last_interaction_at DESC NULLS LAST, c.id DESC
                     LIMIT ? OFFSET ?) p
            """.formatted(CONTACT_COLUMNS);

    /** The page's contacts found by name, in the order found, with their tier; ids and tiers as arrays. */
    private static final String NAME_HITS = """
            SELECT %s, f.rank, f.position
              FROM unnest(?::bigint[], ?::int[]) WITH ORDINALITY AS f(id, rank, position)
              JOIN contacts c ON c.id = f.id
            """.formatted(CONTACT_COLUMNS);

    /** The hits (with their position) and where each conversation stands, in the hits' order. */
    private static final String WITH_STATE = """
            WITH hits AS (%s)
            SELECT h.*, n.name AS number_name, n.time_zone, t.status AS ticket_status, t.agent_id,
                   u.name AS agent_name
              FROM hits h
              JOIN business_numbers n ON n.id = h.number_id
              LEFT JOIN tickets t ON t.contact_id = h.id AND %s
              LEFT JOIN app_users u ON u.id = t.agent_id
             ORDER BY h.position
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
        Long[] numbers = numberIds.toArray(Long[]::new);
        if (query.kind() != SearchQuery.Kind.NAME) {
            return withState(PHONE_HITS, userId, query.likeTerm(), numbers, wanted, skip);
        }
        String folded = jdbc.queryForObject("SELECT search_fold(?)", String.class, query.term());
        NameWords words = NameWords.of(folded);
        List<NameWords.Tier> tiers = words.tiers("c.name_folded");
        Map<Long, Integer> found = new LinkedHashMap<>();
        for (int tier = 0; tier < tiers.size() && found.size() < skip + wanted; tier++) {
            for (Match match : tierMatches(tiers, tier, words.severalWords(), numbers, skip + wanted)) {
                found.putIfAbsent(match.id(), match.tier());
            }
            if (words.severalWords()) {
                break; // the first tier's walk filled the page, or every tier's matches were ranked at once
            }
        }
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>(found.entrySet());
        List<Map.Entry<Long, Integer>> onPage =
                ranked.subList(Math.min(skip, ranked.size()), Math.min(skip + wanted, ranked.size()));
        if (onPage.isEmpty()) {
            return List.of();
        }
        return withState(NAME_HITS, userId, onPage.stream().map(Map.Entry::getKey).toArray(Long[]::new),
                onPage.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
    }

    /**
     * The most recent contacts (up to {@code limit}) that a tier matches. A walk's plan is fixed by its form; the
     * sorted matches are planned for the patterns and numbers at hand (an unnamed statement): a plan made for any
     * pattern and any numbers read the numbers' whole index. With several words, the sorted matches are those of
     * every tier from this one on, ranked.
     */
    private List<Match> tierMatches(List<NameWords.Tier> tiers, int index, boolean rankedAtOnce, Long[] numbers,
                                    int limit) {
        NameWords.Tier tier = tiers.get(index);
        List<String> patterns = tier.patterns();
        return RECENT_FIRST.find(limit,
                length -> matches(NAME_WALK.formatted(tier.condition()), false, index, numbers, length, patterns,
                        limit),
                () -> rankedAtOnce ? rankedMatches(tiers, index, numbers, limit)
                        : matches(NAME_MATCHES.formatted(tier.condition()), true, index, numbers, patterns, limit));
    }

    private List<Match> rankedMatches(List<NameWords.Tier> tiers, int from, Long[] numbers, int limit) {
        int last = tiers.size() - 1;
        StringBuilder cases = new StringBuilder();
        List<String> casePatterns = new ArrayList<>();
        for (int tier = from; tier < last; tier++) {
            cases.append(" WHEN ").append(tiers.get(tier).condition()).append(" THEN ").append(tier);
            casePatterns.addAll(tiers.get(tier).patterns());
        }
        return matches(NAME_MATCHES_RANKED.formatted(tiers.get(last).condition(), cases, last), true,
                TIER_IN_SECOND_COLUMN, numbers, tiers.get(last).patterns(), casePatterns, limit);
    }

    /** The statement's contacts, all of the given tier, or each of the tier in its second column. */
    private List<Match> matches(String sql, boolean planForTheValues, int tier, Object... arguments) {
        return jdbc.query(connection -> {
            PreparedStatement statement = prepared(connection, sql, arguments);
            if (planForTheValues) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return statement;
        }, (row, i) -> new Match(row.getLong(1), tier == TIER_IN_SECOND_COLUMN ? row.getInt(2) : tier));
    }

    private List<ContactHit> withState(String hits, long userId, Object... arguments) {
        Instant now = clock.instant();
        String sql = WITH_STATE.formatted(hits, TicketStatus.sqlUnclosed("t.status"));
        return jdbc.query(connection -> prepared(connection, sql, arguments),
                (row, i) -> hit(row, userId, now));
    }

    /** The statement with its arguments: arrays of numbers as bigint[], of tiers as int[], lists spread out. */
    private static PreparedStatement prepared(Connection connection, String sql, Object... arguments)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int index = 1;
        for (Object argument : arguments) {
            if (argument instanceof Long[] longs) {
                statement.setArray(index++, connection.createArrayOf("bigint", longs));
            } else if (argument instanceof Integer[] ints) {
                statement.setArray(index++, connection.createArrayOf("integer", ints));
            } else if (argument instanceof List<?> values) {
                for (Object value : values) {
                    statement.setObject(index++, value);
                }
            } else {
                statement.setObject(index++, argument);
            }
        }
        return statement;
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
