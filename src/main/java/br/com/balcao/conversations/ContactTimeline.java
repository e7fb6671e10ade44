package br.com.balcao.conversations;

import br.com.balcao.desk.TimelineMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One contact's messages across tickets within the retention period, read by keyset on
 * {@code (created_at, id)} over the {@code messages_contact_timeline} index: one statement per page,
 * whatever the contact's history. With search words, the matching messages come with their matches marked.
 */
@Component
@Transactional(readOnly = true)
class ContactTimeline {

    static final int PAGE_SIZE = 50;

    /** %s: the message's columns, the headline's text and markers, the keyset condition, the order (twice). Parameters: words, contact, since, cursor, limit. */
    private static final String PAGE = """
            SELECT %s,
                   CASE WHEN q.words IS NOT NULL
                             AND m.content_tsv @@ websearch_to_tsquery('portuguese', search_fold(q.words))
                        THEN ts_headline('portuguese_unaccent', %s,
                                         websearch_to_tsquery('portuguese_unaccent', q.words),
                                         %s || ', HighlightAll=true')
                        ELSE m.body END AS body
              FROM (SELECT ?::text AS words) q, messages m
              LEFT JOIN tickets t ON t.id = m.ticket_id
              LEFT JOIN app_users u ON u.id = m.author_user_id
             WHERE m.contact_id = ? AND m.created_at >= ?
               AND %s
             ORDER BY m.created_at %s, m.id %s
             LIMIT ?
            """;

    private static final String NO_CURSOR = "?::bigint IS NULL";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConversationsProperties properties;

    ContactTimeline(JdbcTemplate jdbc, Clock clock, ConversationsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** The newest page. */
    TimelineSlice latest(long contactId, String words) {
        List<TimelineMessage> newestFirst = page(NO_CURSOR, "DESC", contactId, null, words);
        return new TimelineSlice(oldestFirst(newestFirst), newestFirst.size() > PAGE_SIZE, false);
    }

    /** The page before a message, to be put above it. */
    TimelineSlice before(long contactId, long messageId, String words) {
        List<TimelineMessage> newestFirst = page(keyset("<"), "DESC", contactId, messageId, words);
        return new TimelineSlice(oldestFirst(newestFirst), newestFirst.size() > PAGE_SIZE, true);
    }

    /** The page after a message, to be put below it. */
    TimelineSlice after(long contactId, long messageId, String words) {
        List<TimelineMessage> oldestFirst = page(keyset(">"), "ASC", contactId, messageId, words);
        boolean hasNewer = oldestFirst.size() > PAGE_SIZE;
        return new TimelineSlice(List.copyOf(oldestFirst.subList(0, Math.min(PAGE_SIZE, oldestFirst.size()))),
                true, hasNewer);
    }

    /** A page that ends with the given message, and the one after it: where a search result opens. */
    TimelineSlice around(long contactId, long messageId, String words) {
        List<TimelineMessage> newestFirst = page(keyset("<="), "DESC", contactId, messageId, words);
        if (newestFirst.isEmpty()) {
            return latest(contactId, words);
        }
        TimelineSlice newer = after(contactId, messageId, words);
        List<TimelineMessage> messages = new ArrayList<>(oldestFirst(newestFirst));
        messages.addAll(newer.messages());
        return new TimelineSlice(messages, newestFirst.size() > PAGE_SIZE, newer.hasNewer());
    }

    /**
     * The keyset on (created_at, id). Its row comparison prunes no month of the partitioned messages (the retention's
     * bound does); a second bound on created_at alone would, but turns the page's walk down the index into a sort of
     * every message of the contact before the cursor.
     */
    private static String keyset(String comparison) {
        return "(m.created_at, m.id) " + comparison + " (SELECT b.created_at, b.id FROM messages b WHERE b.id = ?)";
    }

    /** The statement of a page; parameters: words, contact, since, cursor, limit. */
    static String pageSql(String keyset, String order) {
        return PAGE.formatted(TimelineMessage.COLUMNS, Highlighted.sql("m.body"), Highlighted.MARKERS_SQL, keyset, order,
                order);
    }

    static String latestPageSql() {
        return pageSql(NO_CURSOR, "DESC");
    }

    static String olderPageSql() {
        return pageSql(keyset("<"), "DESC");
    }

    private List<TimelineMessage> page(String keyset, String order, long contactId, Long cursor, String words) {
        return jdbc.query(pageSql(keyset, order), ContactTimeline::message, blankToNull(words), contactId,
                Timestamp.from(clock.instant().minus(properties.retention())), cursor, PAGE_SIZE + 1);
    }

    private static List<TimelineMessage> oldestFirst(List<TimelineMessage> newestFirst) {
        List<TimelineMessage> page = new ArrayList<>(newestFirst.subList(0, Math.min(PAGE_SIZE, newestFirst.size())));
        Collections.reverse(page);
        return List.copyOf(page);
    }

    private static String blankToNull(String words) {
        return words == null || words.isBlank() ? null : words.strip();
    }

    private static TimelineMessage message(ResultSet row, int index) throws SQLException {
        return TimelineMessage.of(row, Highlighted.segments(row.getString("body")));
    }
}
