package br.com.balcao.monitoring;

import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows of a monitoring fixture with the exact timestamps the engine would have recorded. Messages
 * must be written in time order, after their ticket's first response is set (as the engine does).
 */
public final class MonitoringRows {

    private final JdbcTemplate jdbc;
    private final TestData data;

    public MonitoringRows(JdbcTemplate jdbc, TestData data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    /** A number in the zone, always open, that never closes a ticket by itself while the test runs. */
    public long number(String name, String zone) {
        long id = data.openNumber(name + " " + TestData.unique());
        jdbc.update("""
                UPDATE business_numbers SET time_zone = ?, customer_inactivity_minutes = 5256000,
                                            queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, zone, id);
        return id;
    }

    /** An agent in a status since an instant, with as many slots as given (full agents get no queued ticket). */
    public long agent(long numberId, String name, String status, Instant since, int slots) {
        long id = data.agent(numberId, status);
        jdbc.update("UPDATE app_users SET name = ?, status_changed_at = ?, ticket_slots = ? WHERE id = ?",
                name, Timestamp.from(since), slots, id);
        return id;
    }

    public long tag(String name) {
        return jdbc.queryForObject("INSERT INTO tags (name) VALUES (?) RETURNING id", Long.class,
                name + " " + TestData.unique());
    }

    public TicketRow ticket(long numberId, Instant created) {
        return new TicketRow(numberId, data.contact(numberId, "Cliente " + TestData.unique()), created);
    }

    public static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    /** One ticket, described by what happened to it, then written with {@link #save()}. */
    public final class TicketRow {

        private final long numberId;
        private final long contactId;
        private final Instant created;
        private Long agentId;
        private Instant assigned;
        private Instant firstResponse;
        private Instant closed;
        private String reason;
        private boolean activeMessage;
        private Long parentId;
        private long id;

        private TicketRow(long numberId, long contactId, Instant created) {
            this.numberId = numberId;
            this.contactId = contactId;
            this.created = created;
        }

        public TicketRow assigned(long agent, Instant at) {
            this.agentId = agent;
            this.assigned = at;
            return this;
        }

        public TicketRow answered(Instant at) {
            this.firstResponse = at;
            return this;
        }

        public TicketRow closed(String closeReason, Instant at) {
            this.reason = closeReason;
            this.closed = at;
            return this;
        }

        /** Opened by the agent's template: in service from its creation. */
        public TicketRow byActiveMessage(long agent) {
            this.activeMessage = true;
            return assigned(agent, created).answered(created);
        }

        public TicketRow transferredFrom(long parent) {
            this.parentId = parent;
            return this;
        }

        public TicketRow save() {
            String status = closed != null ? "CLOSED" : firstResponse != null ? "OPEN" : agentId != null ? "ASSIGNED"
                    : "WAITING";
            long ticketNumber = jdbc.queryForObject("SELECT next_ticket_number(?)", Long.class, numberId);
            id = jdbc.queryForObject("""
                    INSERT INTO tickets (number_id, contact_id, ticket_number, status, close_reason, agent_id,
                                         parent_ticket_id, opened_by_active_message, created_at, assigned_at,
                                         first_response_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """, Long.class, numberId, contactId, ticketNumber, status, reason, agentId, parentId,
                    activeMessage, Timestamp.from(created), timestamp(assigned), timestamp(firstResponse),
                    timestamp(closed));
            return this;
        }

        /** The customer writes. */
        public TicketRow in(Instant at) {
            jdbc.update("""
                    INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                    VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'Oi', ?)
                    """, numberId, contactId, id, Timestamp.from(at));
            return this;
        }

        /** The ticket's agent writes. */
        public TicketRow out(Instant at) {
            jdbc.update("""
                    INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                          body, status, created_at)
                    VALUES (?, ?, ?, 'OUTBOUND', 'AGENT', ?, 'TEXT', 'Olá', 'SENT', ?)
                    """, numberId, contactId, id, agentId, Timestamp.from(at));
            return this;
        }

        public TicketRow tagged(long... tagIds) {
            for (long tag : tagIds) {
                jdbc.update("INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)", id, tag);
            }
            return this;
        }

        public long id() {
            return id;
        }

        private static Timestamp timestamp(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }
    }
}
