package br.com.balcao.conversations;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds messages by their words (Portuguese stems, accents ignored) over the generated {@code content_tsv}
 * and its GIN index, within the retention period, newest first; a snippet with the matches marked is made
 * only for the page's rows. Either across numbers (the global search) or in one contact's timeline.
 */
@Component
@Transactional(readOnly = true)
class MessageSearch {

    static final int PAGE_SIZE = 20;
    static final int TIMELINE_MATCHES = 50;
    /** Shorter words are not looked up: a single letter would match nearly every message. */
    static final int MIN_WORDS_LENGTH = 2;

    /** %s: the scope condition (its parameter comes first), the snippet's text, the headline options. */
    private static final String SEARCH = """
            WITH hits AS (
                SELECT m.id, m.contact_id, m.number_id, m.direction, m.created_at,
                       concat_ws(' ', m.body, m.media_caption) AS text
                  FROM messages m
                 WHERE %s AND m.created_at >= ?
                   AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold(?))
                 ORDER BY m.created_at DESC, m.id DESC
                 LIMIT ? OFFSET ?)
            SELECT h.id, h.contact_id, h.direction, h.created_at, c.name AS contact_name, c.phone_e164,
                   n.name AS number_name, n.time_zone,
                   ts_headline('portuguese_unaccent', %s, websearch_to_tsquery('portuguese_unaccent', ?),
                               %s || ', MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "')
                       AS snippet
              FROM hits h
              JOIN contacts c ON c.id = h.contact_id
              JOIN business_numbers n ON n.id = h.number_id
             ORDER BY h.created_at DESC, h.id DESC
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConversationsProperties properties;

    MessageSearch(JdbcTemplate jdbc, Clock clock, ConversationsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** One page (from 0) of matching messages on the numbers, plus one more row when a next page exists. */
    List<MessageHit> search(String words, Collection<Long> numberIds, int page) {
        if (!searchable(words) || numberIds.isEmpty()) {
            return List.of();
        }
        return run("m.number_id = ANY (?)", words, PAGE_SIZE + 1, page * PAGE_SIZE, (connection, statement) -> {
            Array numbers = connection.createArrayOf("bigint", numberIds.toArray());
            statement.setArray(1, numbers);
        });
    }

    /** The contact's matching messages, newest first. */
    List<MessageHit> inTimeline(long contactId, String words) {
        if (!searchable(words)) {
            return List.of();
        }
        return run("m.contact_id = ?", words, TIMELINE_MATCHES, 0,
                (connection, statement) -> statement.setLong(1, contactId));
    }

    /** Whether the words are long enough to be looked up; shorter ones find nothing. */
    static boolean searchable(String words) {
        return words.strip().length() >= MIN_WORDS_LENGTH;
    }

    private interface ScopeParameter {
        void set(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private List<MessageHit> run(String scope, String words, int limit, int offset, ScopeParameter scopeParameter) {
        Timestamp since = Timestamp.from(clock.instant().minus(properties.retention()));
        String sql = searchSql(scope);
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            scopeParameter.set(connection, statement);
            statement.setTimestamp(2, since);
            statement.setString(3, words);
            statement.setInt(4, limit);
            statement.setInt(5, offset);
            statement.setString(6, words);
            return statement;
        }, MessageSearch::hit);
    }

    /** The statement; parameters: the scope's, since, words, limit, offset, words. */
    static String searchSql(String scope) {
        return SEARCH.formatted(scope, Highlighted.sql("h.text"), Highlighted.MARKERS_SQL);
    }

    private static MessageHit hit(ResultSet row, int index) throws SQLException {
        return new MessageHit(row.getLong("id"), row.getLong("contact_id"), row.getString("contact_name"),
                row.getString("phone_e164"), row.getString("number_name"), ZoneId.of(row.getString("time_zone")),
                "INBOUND".equals(row.getString("direction")), row.getTimestamp("created_at").toInstant(),
                Highlighted.split(row.getString("snippet")));
    }
}
