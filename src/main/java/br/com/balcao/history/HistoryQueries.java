package br.com.balcao.history;

import static br.com.balcao.shared.Timestamps.instant;

import br.com.balcao.shared.database.replica.ReadsFromReplica;
import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.Satisfaction;
import br.com.balcao.tickets.TicketStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the history page reads: one statement for a page of tickets (keyset on creation time and id), one
 * for the count, one each for the agent and tag choices; the export reads the same rows through a cursor.
 */
@Component
@ReadsFromReplica
@Transactional(readOnly = true)
class HistoryQueries {

    static final int EXPORT_FETCH_SIZE = 500;

    private static final String ROW_COLUMNS = """
            SELECT t.id, t.ticket_number, t.status, t.close_reason, t.created_at, t.closed_at, t.satisfaction, t.satisfaction_comment,
                   c.name AS contact_name, c.phone_e164, u.name AS agent_name,
                   tg.ids AS tag_ids, tg.names AS tag_names, tg.colors AS tag_colors
            """;

    private static final String ROW_JOINS = """
              JOIN contacts c ON c.id = t.contact_id
              LEFT JOIN app_users u ON u.id = t.agent_id
              LEFT JOIN LATERAL (SELECT array_agg(g.id ORDER BY lower(g.name), g.id) AS ids,
                                        array_agg(g.name ORDER BY lower(g.name), g.id) AS names,
                                        array_agg(g.color ORDER BY lower(g.name), g.id) AS colors
                                   FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
                                  WHERE tt.ticket_id = t.id) tg ON true
            """;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    HistoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
    }

    /**
     * One page: the tickets are chosen first (from the tickets alone, or with their contacts when filtered by
     * contact), and only those few are joined to contact, agent and tags.
     */
    HistoryPage page(HistoryCriteria criteria, HistoryCursor cursor, int size) {
        String order = cursor.older() ? "DESC" : "ASC";
        String keyset = cursor.isNewest() ? "" : " AND (t.created_at, t.id) " + (cursor.older() ? "<" : ">")
                + " (SELECT k.created_at, k.id FROM tickets k WHERE k.id = ? AND k.number_id = t.number_id)";
        String sql = "WITH chosen AS (SELECT t.id FROM " + criteria.from() + " WHERE " + criteria.where() + keyset
                + " ORDER BY t.created_at " + order + ", t.id " + order + " LIMIT ?) "
                + ROW_COLUMNS + " FROM chosen JOIN tickets t ON t.id = chosen.id " + ROW_JOINS
                + " ORDER BY t.created_at " + order + ", t.id " + order;
        Object[] arguments = cursor.isNewest() ? criteria.argumentsWith(size + 1)
                : criteria.argumentsWith(cursor.ticketId(), size + 1);
        List<HistoryRow> rows = jdbc.query(sql, HistoryQueries::row, arguments);
        boolean more = rows.size() > size;
        List<HistoryRow> page = rows.size() > size ? rows.subList(0, size) : rows;
        if (cursor.older()) {
            return new HistoryPage(page, !cursor.isNewest(), more);
        }
        List<HistoryRow> newestFirst = new ArrayList<>(page);
        Collections.reverse(newestFirst);
        return new HistoryPage(newestFirst, more, true);
    }

    long count(HistoryCriteria criteria) {
        return jdbc.queryForObject("SELECT count(*) FROM " + criteria.from() + " WHERE " + criteria.where(),
                Long.class, criteria.arguments().toArray());
    }

    /** Every ticket that matches, newest first, read through a cursor so that memory stays flat. */
    void forEach(HistoryCriteria criteria, Consumer<HistoryRow> action) {
        streaming.query(ROW_COLUMNS + " FROM tickets t " + ROW_JOINS + " WHERE " + criteria.where()
                        + " ORDER BY t.created_at DESC, t.id DESC",
                resultSet -> {
                    action.accept(row(resultSet, 0));
                }, criteria.arguments().toArray());
    }

    List<AgentOption> agents(long numberId) {
        return jdbc.query("""
                SELECT u.id, u.name FROM app_users u
                 WHERE u.id IN (SELECT m.user_id FROM memberships m WHERE m.number_id = ?)
                 ORDER BY lower(u.name), u.id
                """, (row, i) -> new AgentOption(row.getLong("id"), row.getString("name")), numberId);
    }

    List<TagLabel> tags() {
        return jdbc.query("SELECT id, name, color FROM tags ORDER BY lower(name), id",
                (row, i) -> new TagLabel(row.getLong("id"), row.getString("name"), row.getString("color")));
    }

    private static HistoryRow row(ResultSet row, int index) throws SQLException {
        String reason = row.getString("close_reason");
        return new HistoryRow(row.getLong("id"), row.getLong("ticket_number"), row.getString("contact_name"),
                row.getString("phone_e164"), row.getString("agent_name"), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("closed_at")), TicketStatus.valueOf(row.getString("status")),
                reason == null ? null : CloseReason.valueOf(reason), tags(row),
                Satisfaction.of(row.getString("satisfaction")), row.getString("satisfaction_comment"));
    }

    private static List<TagLabel> tags(ResultSet row) throws SQLException {
        Long[] ids = array(row.getArray("tag_ids"), Long[].class);
        String[] names = array(row.getArray("tag_names"), String[].class);
        String[] colors = array(row.getArray("tag_colors"), String[].class);
        if (ids == null) {
            return List.of();
        }
        List<TagLabel> tags = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            tags.add(new TagLabel(ids[i], names[i], colors[i]));
        }
        return tags;
    }

    private static <T> T array(Array array, Class<T> type) throws SQLException {
        return array == null ? null : type.cast(array.getArray());
    }
}
