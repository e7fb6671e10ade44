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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, each an aggregate computed by PostgreSQL over an index range: the unclosed
 * tickets, or one day of tickets and replies per number. Seven statements whatever the data size.
 */
@Component
class DashboardQueries {

    /**
     * Each number of the scope with its "today": from local midnight to the next, in its own time zone
     * (a day of 23 or 25 hours when the clocks change). Parameters: now, the numbers' ids.
     */
    private static final String DAYS = """
            WITH days AS (
                SELECT n.id AS number_id, n.time_zone,
                       local.midnight AT TIME ZONE n.time_zone AS day_start,
                       (local.midnight + interval '1 day') AT TIME ZONE n.time_zone AS day_end
                  FROM business_numbers n
                 CROSS JOIN LATERAL (SELECT date_trunc('day', ?::timestamptz AT TIME ZONE n.time_zone) AS midnight) local
                 WHERE n.id = ANY (?)
            )
            """;

    private final JdbcTemplate jdbc;

    DashboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Dashboard compute(MonitoringScope scope, Instant now) {
        Long[] ids = scope.ids();
        Timestamp at = Timestamp.from(now);
        Now current = now(ids, now);
        return new Dashboard(now, current, today(ids, at, current), agents(ids, at), inService(ids),
                queue(ids, now), tags(ids, at), hours(ids, at));
    }

    private Now now(Long[] ids, Instant now) {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE status = 'WAITING')     AS waiting,
                       min(created_at) FILTER (WHERE status = 'WAITING') AS oldest_waiting,
                       count(*) FILTER (WHERE status = 'OPEN')        AS in_service,
                       count(*) FILTER (WHERE status = 'ASSIGNED')    AS assigned,
                       min(assigned_at) FILTER (WHERE status = 'ASSIGNED') AS oldest_assigned
                  FROM tickets
                 WHERE status <> 'CLOSED' AND number_id = ANY (?)
                """, (row, i) -> new Now(row.getLong("waiting"), since(row, "oldest_waiting", now),
                        row.getLong("in_service"), row.getLong("assigned"), since(row, "oldest_assigned", now)),
                (Object) ids);
    }

    private Today today(Long[] ids, Timestamp at, Now current) {
        return jdbc.queryForObject(DAYS + """
                SELECT created.*, answered.*, replies.*, served.*
                  FROM (SELECT count(*) AS total,
                               count(*) FILTER (WHERE t.status <> 'CLOSED') AS unclosed,
                               count(*) FILTER (WHERE t.close_reason IN
                                                ('ATTENDANT', 'CLIENT', 'CLIENT_INACTIVITY', 'TRANSFERRED')) AS closed,
                               count(*) FILTER (WHERE t.close_reason = 'ABANDONED') AS abandoned,
                               count(*) FILTER (WHERE t.close_reason = 'LOST') AS lost
                          FROM days d
                          JOIN tickets t ON t.number_id = d.number_id
                                        AND t.created_at >= d.day_start AND t.created_at < d.day_end) created,
                       (SELECT round(avg(extract(epoch FROM t.first_response_at - t.assigned_at))) AS average_first,
                               round(max(extract(epoch FROM t.first_response_at - t.assigned_at))) AS maximum_first
                          FROM days d
                          JOIN tickets t ON t.number_id = d.number_id AND t.first_response_at IS NOT NULL
                                        AND t.first_response_at >= d.day_start AND t.first_response_at < d.day_end
                         WHERE NOT t.opened_by_active_message AND t.assigned_at IS NOT NULL) answered,
                       (SELECT round(avg(extract(epoch FROM m.created_at - m.customer_waiting_since))) AS average_response
                          FROM days d
                          JOIN messages m ON m.number_id = d.number_id AND m.customer_waiting_since IS NOT NULL
                                         AND m.created_at >= d.day_start AND m.created_at < d.day_end) replies,
                       (SELECT round(avg(extract(epoch FROM t.closed_at - t.first_response_at))) AS average_service
                          FROM days d
                          JOIN tickets t ON t.number_id = d.number_id AND t.closed_at IS NOT NULL
                                        AND t.closed_at >= d.day_start AND t.closed_at < d.day_end
                         WHERE t.first_response_at IS NOT NULL) served
                """, (row, i) -> new Today(row.getLong("total"), row.getLong("unclosed"), row.getLong("closed"),
                        row.getLong("abandoned"), row.getLong("lost"), seconds(row, "average_first"),
                        longest(seconds(row, "maximum_first"), current.longestAwaitingFirstResponse()),
                        seconds(row, "average_response"), seconds(row, "average_service")),
                at, ids);
    }

    /** Agents of the scope's numbers (members who may reply), at work first, then by name. */
    private Agents agents(Long[] ids, Timestamp at) {
        return new Agents(jdbc.query(DAYS + """
                , agents AS (
                    SELECT DISTINCT u.id, u.name, u.status, u.status_changed_at
                      FROM app_users u
                      JOIN memberships m ON m.user_id = u.id AND m.can_reply
                     WHERE m.number_id = ANY (?) AND u.enabled
                ), active AS (
                    SELECT t.agent_id, count(*) AS tickets
                      FROM tickets t
                     WHERE t.status IN ('ASSIGNED', 'OPEN') AND t.number_id = ANY (?)
                     GROUP BY t.agent_id
                ), closed AS (
                    SELECT t.agent_id, count(*) AS tickets
                      FROM days d
                      JOIN tickets t ON t.number_id = d.number_id AND t.closed_at IS NOT NULL
                                    AND t.closed_at >= d.day_start AND t.closed_at < d.day_end
                     WHERE t.close_reason <> 'ABANDONED' AND t.agent_id IS NOT NULL
                     GROUP BY t.agent_id
                ), answered AS (
                    SELECT t.agent_id, round(avg(extract(epoch FROM t.first_response_at - t.assigned_at))) AS average_first
                      FROM days d
                      JOIN tickets t ON t.number_id = d.number_id AND t.first_response_at IS NOT NULL
                                    AND t.first_response_at >= d.day_start AND t.first_response_at < d.day_end
                     WHERE NOT t.opened_by_active_message AND t.assigned_at IS NOT NULL
                     GROUP BY t.agent_id
                )
                SELECT a.id, a.name, a.status, a.status_changed_at,
                       coalesce(active.tickets, 0) AS active, coalesce(closed.tickets, 0) AS closed_today,
                       answered.average_first
                  FROM agents a
                  LEFT JOIN active ON active.agent_id = a.id
                  LEFT JOIN closed ON closed.agent_id = a.id
                  LEFT JOIN answered ON answered.agent_id = a.id
                 ORDER BY array_position(ARRAY['ONLINE', 'BREAK', 'INVISIBLE', 'OFFLINE']::varchar[], a.status),
                          a.name, a.id
                """, (row, i) -> new AgentRow(row.getLong("id"), row.getString("name"),
                        AgentStatus.valueOf(row.getString("status")), instant(row, "status_changed_at"),
                        row.getLong("active"), row.getLong("closed_today"), seconds(row, "average_first")),
                at, ids, ids, ids));
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
                 WHERE t.status = 'OPEN' AND t.number_id = ANY (?)
                 ORDER BY t.first_response_at, t.id
                 LIMIT ?
                """, (row, i) -> new InService(row.getLong("id"), row.getLong("ticket_number"),
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
                         WHERE t.status = 'WAITING' AND t.number_id = ANY (?)) q
                  JOIN business_numbers n ON n.id = q.number_id
                  JOIN contacts c ON c.id = q.contact_id
                 ORDER BY q.created_at, q.id
                 LIMIT ?
                """, (row, i) -> new Queued(row.getLong("id"), row.getLong("ticket_number"),
                        row.getString("number_name"), row.getLong("position"), row.getString("contact_name"),
                        row.getString("phone_e164"), instant(row, "created_at"), since(row, "created_at", now)),
                ids, Dashboard.TABLE_ROWS);
    }

    /** Tags are chosen when a ticket closes: the tickets closed today that carry each tag. */
    private List<TagCount> tags(Long[] ids, Timestamp at) {
        return jdbc.query(DAYS + """
                SELECT g.name, g.color, count(*) AS tickets
                  FROM days d
                  JOIN tickets t ON t.number_id = d.number_id AND t.closed_at IS NOT NULL
                                AND t.closed_at >= d.day_start AND t.closed_at < d.day_end
                  JOIN ticket_tags tt ON tt.ticket_id = t.id
                  JOIN tags g ON g.id = tt.tag_id
                 GROUP BY g.id, g.name, g.color
                 ORDER BY tickets DESC, g.name
                """, (row, i) -> new TagCount(row.getString("name"), row.getString("color"), row.getLong("tickets")),
                at, ids);
    }

    private Hours hours(Long[] ids, Timestamp at) {
        long[] created = new long[24];
        long[] closed = new long[24];
        jdbc.query(DAYS + """
                SELECT e.hour, count(*) FILTER (WHERE e.created) AS created, count(*) FILTER (WHERE NOT e.created) AS closed
                  FROM (SELECT extract(hour FROM t.created_at AT TIME ZONE d.time_zone)::int AS hour, true AS created
                          FROM days d
                          JOIN tickets t ON t.number_id = d.number_id
                                        AND t.created_at >= d.day_start AND t.created_at < d.day_end
                        UNION ALL
                        SELECT extract(hour FROM t.closed_at AT TIME ZONE d.time_zone)::int, false
                          FROM days d
                          JOIN tickets t ON t.number_id = d.number_id AND t.closed_at IS NOT NULL
                                        AND t.closed_at >= d.day_start AND t.closed_at < d.day_end) e
                 GROUP BY e.hour
                """, row -> {
                    created[row.getInt("hour")] = row.getLong("created");
                    closed[row.getInt("hour")] = row.getLong("closed");
                }, at, ids);
        return new Hours(created, closed);
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
