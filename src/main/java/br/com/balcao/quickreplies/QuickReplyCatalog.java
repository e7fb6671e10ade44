package br.com.balcao.quickreplies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quick replies module's facade: what the composer offers when the agent types {@code /}. Quick replies
 * are shared by every number, so there is nothing to check beyond being signed in.
 */
@Service
@Transactional(readOnly = true)
public class QuickReplyCatalog {

    /** At most this many replies in one answer: the popup is a shortlist, not the management page. */
    public static final int SUGGESTION_LIMIT = 30;

    /** A query longer than any title cannot match; longer input is cut rather than sent to the database. */
    static final int MAX_QUERY_LENGTH = 60;

    private final JdbcTemplate jdbc;

    QuickReplyCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One reply as the composer inserts it. */
    public record Suggestion(long id, String title, String text) {
    }

    /** The replies of one category that matched, by title. */
    public record SuggestionGroup(long categoryId, String category, List<Suggestion> replies) {
    }

    /**
     * The replies whose title contains the query, ignoring case and accents ("promocao" finds "Promoção"),
     * grouped by category (categories and titles in alphabetical order). A blank query lists every reply.
     * When more than {@link #SUGGESTION_LIMIT} match, titles that start with the query (or have a word
     * that does) are kept first.
     */
    public List<SuggestionGroup> suggestions(String query) {
        String term = query == null ? "" : query.strip();
        if (term.length() > MAX_QUERY_LENGTH) {
            term = term.substring(0, MAX_QUERY_LENGTH);
        }
        String pattern = likeEscape(term);
        List<Row> rows = jdbc.query("""
                SELECT id, title, body, category_id, category_name FROM (
                    SELECT r.id, r.title, r.body, c.id AS category_id, c.name AS category_name
                      FROM quick_replies r
                      JOIN quick_reply_categories c ON c.id = r.category_id
                     WHERE search_fold(r.title) LIKE '%' || search_fold(?) || '%' ESCAPE '\\'
                     ORDER BY CASE WHEN search_fold(r.title) LIKE search_fold(?) || '%' ESCAPE '\\' THEN 0
                                   WHEN search_fold(r.title) LIKE '% ' || search_fold(?) || '%' ESCAPE '\\' THEN 1
                                   ELSE 2 END,
                              search_fold(r.title), r.id
                     LIMIT ?
                ) best
                 ORDER BY search_fold(category_name), category_id, search_fold(title), id
                """, (row, i) -> new Row(row.getLong("id"), row.getString("title"), row.getString("body"),
                        row.getLong("category_id"), row.getString("category_name")),
                pattern, pattern, pattern, SUGGESTION_LIMIT);
        Map<Long, SuggestionGroup> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.categoryId(),
                            id -> new SuggestionGroup(id, row.categoryName(), new ArrayList<>()))
                    .replies().add(new Suggestion(row.id(), row.title(), row.body()));
        }
        return groups.values().stream()
                .map(group -> new SuggestionGroup(group.categoryId(), group.category(), List.copyOf(group.replies())))
                .toList();
    }

    /** The query as a literal inside LIKE: its own %, _ and \ match themselves. */
    private static String likeEscape(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Row(long id, String title, String body, long categoryId, String categoryName) {
    }
}
