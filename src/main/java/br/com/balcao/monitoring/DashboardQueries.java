package br.com.balcao.monitoring;

import br.com.balcao.monitoring.Dashboard.AgentRow;
import br.com.balcao.monitoring.Dashboard.Agents;
import br.com.balcao.monitoring.Dashboard.Hours;
import br.com.balcao.monitoring.Dashboard.InService;
import br.com.balcao.monitoring.Dashboard.Now;
import br.com.balcao.monitoring.Dashboard.Queued;
import br.com.balcao.monitoring.Dashboard.TagCount;
import br.com.balcao.monitoring.Dashboard.Today;
import br.com.balcao.security.AgentStatus;
import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, each an aggregate computed by PostgreSQL over an index range: the unclosed
 * tickets, or one day of tickets and replies per number. Five statements whatever the data size.
 */
@Component
record DashboardQueries(JdbcTemplate jdbc) {

    /**
     * Each number of the scope with its "today": from local midnight to the next, in its own time zone
     * (a day of 23 or 25 hours when the clocks change). Parameters: now, the numbers' ids. Materialized:
     * inlined into a join, PostgreSQL would redo the time zone arithmetic for every ticket it compares.
     */
    private static final String DAYS = """
            WITH days AS MATERIALIZED (
                SELECT n.id AS number_id, n.time_zone,
                       local.midnight AT TIME ZONE n.time_zone AS day_start,
                       (local.midnight + interval '1 day') AT TIME ZONE n.time_zone AS day_end
                  FROM business_numbers n
                 CROSS JOIN LATERAL (SELECT date_trunc('day', ?::timestamptz AT TIME ZONE n.time_zone) AS midnight) local
                 WHERE n.id = ANY (?)
            )
            """;

    Dashboard compute(MonitoringScope scope, Instant now) {
        Long[] ids = scope.ids();
        Timestamp at = Timestamp.from(now);
        Now current = now(ids, now);
        Day day = day(ids, at, current);
        return new Dashboard(now, current, day.today(), agents(ids, day), inService(ids), queue(ids, now),
                day.tags(), day.hours());
    }

    private Now now(Long[] ids, Instant now) {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE %1$s)         AS waiting,
                       min(created_at) FILTER (WHERE %1$s)  AS oldest_waiting,
                       count(*) FILTER (WHERE %2$s)         AS in_service,
                       count(*) FILTER (WHERE %3$s)         AS assigned,
                       min(assigned_at) FILTER (WHERE %3$s) AS oldest_assigned
                  FROM tickets
                 WHERE %4$s AND number_id = ANY (?)
                """.formatted(TicketStatus.WAITING.sqlCondition("status"), TicketStatus.OPEN.sqlCondition("status"),
                        TicketStatus.ASSIGNED.sqlCondition("status"), TicketStatus.sqlUnclosed("status")),
                (row, i) -> new Now(row.getLong("waiting"), since(row, "oldest_waiting", now),
                        row.getLong("in_service"), row.getLong("assigned"), since(row, "oldest_assigned", now)),
                (Object) ids);
    }

    /** What the day's figures of one agent are made of, by agent id. */
    private record AgentDay(long closed, Duration averageFirstResponse) {
    }

    private record Day(Today today, Map<Long, AgentDay> agents, List<TagCount> tags, Hours hours) {
    }

    /**
     * Every figure of "today" in one statement: the day's tickets (created, first answered or closed today,
     * three index ranges per number) are read once into a CTE that the cards, the agents' columns, the tags
     * and the hourly chart all aggregate; the replies come from the day's range of the replies index.
     */
    private Day day(Long[] ids, Timestamp at, Now current) {
        return jdbc.queryForObject(DAYS + """
                , day_tickets AS MATERIALIZED (
                    SELECT t.id, t.agent_id, t.status, t.close_reason, t.created_at, t.closed_at, d.time_zone,
                           t.created_at >= d.day_start AND t.created_at < d.day_end AS created_today,
                           coalesce(t.closed_at >= d.day_start AND t.closed_at < d.day_end, false) AS closed_today,
                           CASE WHEN t.first_response_at >= d.day_start AND t.first_response_at < d.day_end
                                 AND NOT t.opened_by_active_message
                                THEN date_part('epoch', t.first_response_at - t.assigned_at) END AS first_response,
                           date_part('epoch', t.closed_at - t.first_response_at) AS service
                      FROM days d
                      JOIN tickets t ON t.number_id = d.number_id
                     -- a ticket's latest event is its last of created, first response, closed: only tickets
                     -- whose latest event is today can have one today (index tickets_last_activity, V9)
                     WHERE coalesce(t.closed_at, t.first_response_at, t.created_at) >= (SELECT min(day_start) FROM days)
                       AND ((t.created_at >= d.day_start AND t.created_at < d.day_end)
                         OR (t.first_response_at >= d.day_start AND t.first_response_at < d.day_end)
                         OR (t.closed_at >= d.day_start AND t.closed_at < d.day_end))
                ), by_agent AS (
                    SELECT agent_id,
                           count(*) FILTER (WHERE closed_today AND %2$s) AS closed,
                           round(avg(first_response)::numeric) AS average_first
                      FROM day_tickets
                     WHERE agent_id IS NOT NULL
                     GROUP BY agent_id
                ), by_tag AS (
                    SELECT g.name, g.color, count(*) AS tickets
                      FROM day_tickets t
                      JOIN ticket_tags tt ON tt.ticket_id = t.id
                      JOIN tags g ON g.id = tt.tag_id
                     WHERE t.closed_today
                     GROUP BY g.id, g.name, g.color
                ), quarters AS (
                    -- Every time zone's offset is a multiple of 15 minutes: counting by quarter of an hour first,
                    -- each count falls in one local hour, and only the quarters are converted to local time.
                    SELECT time_zone, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00Z') AS quarter,
                           count(*) AS created, 0 AS closed
                      FROM day_tickets WHERE created_today GROUP BY 1, 2
                    UNION ALL
                    SELECT time_zone, date_bin('15 minutes', closed_at, TIMESTAMPTZ '2000-01-01 00:00Z'), 0, count(*)
                      FROM day_tickets WHERE closed_today GROUP BY 1, 2
                ), by_hour AS (
                    SELECT extract(hour FROM quarter AT TIME ZONE time_zone)::int AS hour,
                           sum(created) AS created, sum(closed) AS closed
                      FROM quarters
                     GROUP BY 1
                )
                SELECT cards.*, replies.*, agents.*, tagged.*, hourly.*
                  FROM (SELECT count(*) FILTER (WHERE created_today) AS total,
                               count(*) FILTER (WHERE created_today AND %1$s) AS unclosed,
                               count(*) FILTER (WHERE created_today AND %3$s) AS closed,
                               count(*) FILTER (WHERE created_today AND %4$s) AS abandoned,
                               count(*) FILTER (WHERE created_today AND %5$s) AS lost,
                               round(avg(first_response)::numeric) AS average_first,
                               round(max(first_response)::numeric) AS maximum_first,
                               round(avg(service) FILTER (WHERE closed_today)::numeric) AS average_service
                          FROM day_tickets) cards,
                       (SELECT round(avg(extract(epoch FROM m.created_at - m.customer_waiting_since))) AS average_response
                          FROM days d
                         -- day by day, each opening only its months of messages (joined, every month is read)
                         CROSS JOIN LATERAL (SELECT m.created_at, m.customer_waiting_since
                                               FROM messages m
                                              WHERE m.number_id = d.number_id AND m.customer_waiting_since IS NOT NULL
                                                AND m.created_at >= d.day_start AND m.created_at < d.day_end
                                             OFFSET 0) m) replies,
                       (SELECT array_agg(agent_id) AS agent_ids, array_agg(closed) AS agent_closed,
                               array_agg(average_first) AS agent_first
                          FROM by_agent) agents,
                       (SELECT array_agg(name ORDER BY tickets DESC, name) AS tag_names,
                               array_agg(color ORDER BY tickets DESC, name) AS tag_colors,
                               array_agg(tickets ORDER BY tickets DESC, name) AS tag_tickets
                          FROM by_tag) tagged,
                       (SELECT array_agg(coalesce(b.created, 0) ORDER BY h.hour) AS created_by_hour,
                               array_agg(coalesce(b.closed, 0) ORDER BY h.hour) AS closed_by_hour
                          FROM generate_series(0, 23) h(hour)
                          LEFT JOIN by_hour b ON b.hour = h.hour) hourly
                """.formatted(TicketStatus.sqlUnclosed("status"), CloseReason.ABANDONED.sqlOtherThan("close_reason"),
                        CloseReason.sqlNotLeftUnanswered("close_reason"),
                        CloseReason.ABANDONED.sqlCondition("close_reason"), CloseReason.LOST.sqlCondition("close_reason")),
                (row, i) -> new Day(
                        new Today(row.getLong("total"), row.getLong("unclosed"), row.getLong("closed"),
                                row.getLong("abandoned"), row.getLong("lost"), seconds(row, "average_first"),
                                longest(seconds(row, "maximum_first"), current.longestAwaitingFirstResponse()),
                                seconds(row, "average_response"), seconds(row, "average_service")),
                        agentDays(row), tagCounts(row),
                        new Hours(counts(row, "created_by_hour"), counts(row, "closed_by_hour"))),
                at, ids);
    }

    /** Agents of the scope's numbers (members who may reply), at work first, then by name. */
    private Agents agents(Long[] ids, Day day) {
        return new Agents(jdbc.query("""
                WITH agents AS (
                    SELECT DISTINCT u.id, u.name, u.status, u.status_changed_at
                      FROM app_users u
                      JOIN memberships m ON m.user_id = u.id AND m.can_reply
                     WHERE m.number_id = ANY (?) AND u.enabled
                ), active AS (
                    SELECT t.agent_id, count(*) AS tickets
                      FROM tickets t
                     WHERE %s AND t.number_id = ANY (?)
                     GROUP BY t.agent_id
                )
                SELECT a.id, a.name, a.status, a.status_changed_at, coalesce(active.tickets, 0) AS active
                  FROM agents a
                  LEFT JOIN active ON active.agent_id = a.id
                 ORDER BY %s, a.name, a.id
                """.formatted(TicketStatus.sqlWithAgent("t.status"), AgentStatus.sqlOrder("a.status")), (row, i) -> {
                    AgentDay today = day.agents().getOrDefault(row.getLong("id"), new AgentDay(0, null));
                    return new AgentRow(row.getLong("id"), row.getString("name"),
                            AgentStatus.valueOf(row.getString("status")), instant(row, "status_changed_at"),
                            row.getLong("active"), today.closed(), today.averageFirstResponse());
                }, ids, ids));
    }

    /** The tickets in service, longest first. */
    private List<InService> inService(Long[] ids) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, n.name AS number_name, c.name AS contact_name, c.phone_e164,
                       u.name AS agent_name, t.first_response_at,
                       CASE WHEN NOT t.opened_by_active_message
                            THEN round(extract(epoch FROM t.first_response_at - t.assigned_at)) END AS first_response
                  FROM tickets t
                  JOIN business_numbers n ON n.id = t.number_id
                  JOIN contacts c ON c.id = t.contact_id
                  LEFT JOIN app_users u ON u.id = t.agent_id
                 WHERE %s AND t.number_id = ANY (?)
                 ORDER BY t.first_response_at, t.id
                 LIMIT ?
                """.formatted(TicketStatus.OPEN.sqlCondition("t.status")),
                (row, i) -> new InService(row.getLong("id"), row.getLong("ticket_number"),
                        row.getString("number_name"), row.getString("contact_name"), row.getString("phone_e164"),
                        row.getString("agent_name"), instant(row, "first_response_at"),
                        seconds(row, "first_response")),
                ids, Dashboard.TABLE_ROWS);
    }

    /** The queue, oldest first; the position is the ticket's place in its own number's queue. */
    private List<Queued> queue(Long[] ids, Instant now) {
        return jdbc.query("""
                SELECT q.id, q.ticket_number, n.name AS number_name, q.position, c.name AS contact_name,
                       c.phone_e164, q.created_at
                  FROM (SELECT t.id, t.ticket_number, t.number_id, t.contact_id, t.created_at,
                               row_number() OVER (PARTITION BY t.number_id ORDER BY t.created_at, t.id) AS position
                          FROM tickets t
                         WHERE %s AND t.number_id = ANY (?)) q
                  JOIN business_numbers n ON n.id = q.number_id
                  JOIN contacts c ON c.id = q.contact_id
                 ORDER BY q.created_at, q.id
                 LIMIT ?
                """.formatted(TicketStatus.WAITING.sqlCondition("t.status")),
                (row, i) -> new Queued(row.getLong("id"), row.getLong("ticket_number"),
                        row.getString("number_name"), row.getLong("position"), row.getString("contact_name"),
                        row.getString("phone_e164"), instant(row, "created_at"), since(row, "created_at", now)),
                ids, Dashboard.TABLE_ROWS);
    }

    private static Map<Long, AgentDay> agentDays(ResultSet row) throws SQLException {
        Object[] ids = array(row, "agent_ids");
        Object[] closed = array(row, "agent_closed");
        Object[] averages = array(row, "agent_first");
        Map<Long, AgentDay> days = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Duration average = averages[i] == null ? null : Duration.ofSeconds(((Number) averages[i]).longValue());
            days.put(((Number) ids[i]).longValue(), new AgentDay(((Number) closed[i]).longValue(), average));
        }
        return days;
    }

    /** Tags are chosen when a ticket closes: the tickets closed today that carry each tag. */
    private static List<TagCount> tagCounts(ResultSet row) throws SQLException {
        Object[] names = array(row, "tag_names");
        Object[] colors = array(row, "tag_colors");
        Object[] tickets = array(row, "tag_tickets");
        List<TagCount> tags = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            tags.add(new TagCount((String) names[i], (String) colors[i], ((Number) tickets[i]).longValue()));
        }
        return tags;
    }

    private static long[] counts(ResultSet row, String column) throws SQLException {
        return Arrays.stream(array(row, column)).mapToLong(count -> ((Number) count).longValue()).toArray();
    }

    /** A PostgreSQL array column as Java objects; an aggregate over no rows is NULL, read as empty. */
    private static Object[] array(ResultSet row, String column) throws SQLException {
        Array value = row.getArray(column);
        return value == null ? new Object[0] : (Object[]) value.getArray();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Duration since(ResultSet row, String column, Instant now) throws SQLException {
        Instant from = instant(row, column);
        return from == null ? null : Duration.between(from, now);
    }

    private static Duration seconds(ResultSet row, String column) throws SQLException {
        Number value = (Number) row.getObject(column);
        return value == null ? null : Duration.ofSeconds(value.longValue());
    }

    private static Duration longest(Duration first, Duration second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return first.compareTo(second) >= 0 ? first : second;
    }
}
