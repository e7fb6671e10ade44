package br.com.balcao.desk;

import static br.com.balcao.shared.Timestamps.instant;

import br.com.balcao.tickets.Direction;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Desk shows, read in a fixed number of statements whatever the number of tickets or messages:
 * one for the list, one for the queue size, one per page of a timeline.
 */
@Component
@Transactional(readOnly = true)
class DeskQueries {

    static final int TIMELINE_PAGE = 50;

    private final JdbcTemplate jdbc;

    DeskQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The agent's assigned and open tickets (optionally on one number): waiting for their reply first. */
    List<DeskTicket> myTickets(long agentId, Long numberId) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.status, t.number_id, n.name AS number_name, n.time_zone,
                       c.id AS contact_id, c.name AS contact_name, c.phone_e164,
                       last.body, last.type, last.direction, COALESCE(last.created_at, t.created_at) AS last_at,
                       (SELECT count(*) FROM messages m
                         WHERE m.ticket_id = t.id AND %2$s
                           AND m.created_at > COALESCE((SELECT max(o.created_at) FROM messages o
                                                         WHERE o.ticket_id = t.id AND %3$s),
                                                        '-infinity')) AS unread
                  FROM tickets t
                  JOIN contacts c ON c.id = t.contact_id
                  JOIN business_numbers n ON n.id = t.number_id
                  LEFT JOIN LATERAL (SELECT m.body, m.type, m.direction, m.created_at FROM messages m
                                      WHERE m.ticket_id = t.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) last
                         ON true
                 WHERE t.agent_id = ? AND %1$s AND (?::bigint IS NULL OR t.number_id = ?)
                 ORDER BY (%4$s) DESC NULLS LAST, last_at DESC, t.id DESC
                """.formatted(TicketStatus.sqlWithAgent("t.status"), Direction.INBOUND.sqlCondition("m.direction"),
                        Direction.OUTBOUND.sqlCondition("o.direction"), Direction.INBOUND.sqlCondition("last.direction")),
                DeskQueries::deskTicket, agentId, numberId, numberId);
    }

    /** Tickets waiting in the queue of the numbers where the agent answers (or of one of them). */
    long queueSize(long agentId, Long numberId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM tickets t
                 WHERE %s AND (?::bigint IS NULL OR t.number_id = ?)
                   AND t.number_id IN (SELECT number_id FROM memberships WHERE user_id = ? AND can_reply)
                """.formatted(TicketStatus.WAITING.sqlCondition("t.status")), Long.class, numberId, numberId, agentId);
    }

    /** The first of the queue's tickets on the numbers where the agent answers (or on one of them), oldest first. */
    List<QueuedTicket> queued(long agentId, Long numberId, int limit) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.number_id, n.name AS number_name, n.time_zone,
                       c.name AS contact_name, c.phone_e164, t.created_at
                  FROM tickets t
                  JOIN contacts c ON c.id = t.contact_id
                  JOIN business_numbers n ON n.id = t.number_id
                 WHERE %s AND (?::bigint IS NULL OR t.number_id = ?)
                   AND t.number_id IN (SELECT number_id FROM memberships WHERE user_id = ? AND can_reply)
                 ORDER BY t.created_at, t.id
                 LIMIT ?
                """.formatted(TicketStatus.WAITING.sqlCondition("t.status")),
                (row, i) -> new QueuedTicket(row.getLong("id"), row.getLong("ticket_number"),
                        row.getLong("number_id"), row.getString("number_name"), ZoneId.of(row.getString("time_zone")),
                        row.getString("contact_name"), row.getString("phone_e164"),
                        instant(row.getTimestamp("created_at"))), numberId, numberId, agentId, limit);
    }

    Optional<DeskTicketHeader> header(long ticketId) {
        return jdbc.query("""
                SELECT t.id, t.ticket_number, t.status, t.number_id, n.name AS number_name, n.time_zone,
                       c.id AS contact_id, c.name AS contact_name, c.phone_e164, t.agent_id, u.name AS agent_name,
                       t.created_at, t.opened_by_active_message
                  FROM tickets t
                  JOIN contacts c ON c.id = t.contact_id
                  JOIN business_numbers n ON n.id = t.number_id
                  LEFT JOIN app_users u ON u.id = t.agent_id
                 WHERE t.id = ?
                """, (row, i) -> new DeskTicketHeader(row.getLong("id"), row.getLong("ticket_number"),
                        TicketStatus.valueOf(row.getString("status")), row.getLong("number_id"),
                        row.getString("number_name"), ZoneId.of(row.getString("time_zone")), row.getLong("contact_id"),
                        row.getString("contact_name"), row.getString("phone_e164"), (Long) row.getObject("agent_id"),
                        row.getString("agent_name"), instant(row.getTimestamp("created_at")),
                        row.getBoolean("opened_by_active_message")), ticketId).stream().findFirst();
    }

    /** One page of a ticket's messages, oldest first, before the given message (or the newest page). */
    TimelinePage timeline(long ticketId, Optional<Long> beforeMessageId) {
        List<TimelineMessage> newestFirst = jdbc.query("""
                SELECT %s, m.body
                  FROM messages m LEFT JOIN app_users u ON u.id = m.author_user_id
                  JOIN tickets t ON t.id = m.ticket_id
                 WHERE m.ticket_id = ?
                   -- the cursor's ticket bound, not m.ticket_id: correlated, it was looked up again for every
                   -- newer row, in every month of messages
                   AND (?::bigint IS NULL OR (m.created_at, m.id) <
                        (SELECT b.created_at, b.id FROM messages b WHERE b.id = ? AND b.ticket_id = ?))
                 ORDER BY m.created_at DESC, m.id DESC
                 LIMIT ?
                """.formatted(TimelineMessage.COLUMNS), DeskQueries::timelineMessage, ticketId, beforeMessageId.orElse(null),
                beforeMessageId.orElse(null), ticketId, TIMELINE_PAGE + 1);
        boolean hasOlder = newestFirst.size() > TIMELINE_PAGE;
        List<TimelineMessage> oldestFirst = new ArrayList<>(newestFirst.subList(0, Math.min(TIMELINE_PAGE, newestFirst.size())));
        Collections.reverse(oldestFirst);
        return new TimelinePage(oldestFirst, hasOlder);
    }

    /** The ticket's messages after the given one, oldest first (what arrived since the page was drawn). */
    List<TimelineMessage> newerThan(long ticketId, long afterMessageId) {
        return jdbc.query("""
                SELECT %s, m.body
                  FROM messages m LEFT JOIN app_users u ON u.id = m.author_user_id
                  JOIN tickets t ON t.id = m.ticket_id
                 WHERE m.ticket_id = ?
                   AND (m.created_at, m.id) > (SELECT a.created_at, a.id FROM messages a WHERE a.id = ?)
                 ORDER BY m.created_at, m.id
                 LIMIT ?
                """.formatted(TimelineMessage.COLUMNS), DeskQueries::timelineMessage, ticketId, afterMessageId, TIMELINE_PAGE);
    }

    private static DeskTicket deskTicket(ResultSet row, int index) throws SQLException {
        String type = row.getString("type");
        String direction = row.getString("direction");
        return new DeskTicket(row.getLong("id"), row.getLong("ticket_number"),
                TicketStatus.valueOf(row.getString("status")), row.getLong("number_id"), row.getString("number_name"),
                ZoneId.of(row.getString("time_zone")), row.getLong("contact_id"), row.getString("contact_name"),
                row.getString("phone_e164"), row.getString("body"), type == null ? null : MessageType.valueOf(type),
                direction == null ? null : Direction.valueOf(direction), instant(row.getTimestamp("last_at")),
                row.getLong("unread"));
    }

    private static TimelineMessage timelineMessage(ResultSet row, int index) throws SQLException {
        return TimelineMessage.of(row, TextSegment.split(row.getString("body")));
    }
}
