package br.com.balcao.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's SQL of the ticket rows, read under row locks and written with the lifecycle's rules: each rule
 * that changes a ticket's status is one statement here, and the {@link Ticket} entity's method of the same
 * name is that rule for the pages (TicketLifecycleAgreementTest holds them together).
 */
@Component
record TicketStore(JdbcTemplate jdbc) {

    private static final String LOCKED = "SELECT id, number_id, contact_id, status, agent_id FROM tickets";

    private static final String LOCK_OLDEST_WAITING = LOCKED + """
             WHERE number_id = ANY (?) AND %s
             ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """.formatted(TicketStatus.WAITING.sqlCondition("status"));

    private static final String LOCK_UNCLOSED = LOCKED + " WHERE contact_id = ? AND %s FOR UPDATE"
            .formatted(TicketStatus.sqlUnclosed("status"));

    private static final String OPEN = """
            INSERT INTO tickets (number_id, contact_id, ticket_number, status, agent_id, parent_ticket_id,
                                 opened_by_active_message, created_at, assigned_at, first_response_at,
                                 last_customer_message_at)
            VALUES (?, ?, next_ticket_number(?), ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) WHERE %s DO NOTHING
            RETURNING id
            """.formatted(TicketStatus.sqlUnclosed("status"));

    private static final String ASSIGN = """
            UPDATE tickets SET status = %s, agent_id = ?, assigned_at = ?, version = version + 1
             WHERE id = ? AND %s
            """.formatted(TicketStatus.ASSIGNED.sqlLiteral(), TicketStatus.WAITING.sqlCondition("status"));

    private static final String CLOSE = """
            UPDATE tickets SET status = %s, close_reason = ?, closed_at = ?, version = version + 1
             WHERE id = ? AND %s
            """.formatted(TicketStatus.CLOSED.sqlLiteral(), TicketStatus.sqlUnclosed("status"));

    record LockedTicket(long id, long numberId, long contactId, TicketStatus status, Long agentId) {
    }

    /** The contact's unclosed ticket after {@link #openOrJoin}, and whether this call opened it. */
    record Opened(LockedTicket ticket, boolean isNew) {
    }

    Optional<LockedTicket> lock(long ticketId) {
        return jdbc.query(LOCKED + " WHERE id = ? FOR UPDATE", TicketStore::locked, ticketId).stream().findFirst();
    }

    /**
     * The oldest waiting ticket of the numbers, locked; one another transaction holds is skipped, so that
     * concurrent claims each get their own ticket and none waits on another.
     */
    Optional<LockedTicket> lockOldestWaiting(Collection<Long> numberIds) {
        return jdbc.query(LOCK_OLDEST_WAITING, TicketStore::locked, (Object) numberIds.toArray(Long[]::new)).stream()
                .findFirst();
    }

    Optional<LockedTicket> lockUnclosedOf(long contactId) {
        return jdbc.query(LOCK_UNCLOSED, TicketStore::locked, contactId).stream().findFirst();
    }

    /**
     * Opens a ticket for a contact that has none unclosed, or returns the one a concurrent transaction
     * opened first (the database allows one unclosed ticket per contact).
     */
    Opened openOrJoin(long numberId, long contactId, TicketStatus status, Long agentId, Long parentId,
                            boolean openedByActiveMessage, Instant at) {
        return open(numberId, contactId, status, agentId, parentId, openedByActiveMessage, at, false);
    }

    /** {@link #openOrJoin} for a customer's message: a WAITING ticket whose last customer message is this one. */
    Opened openByCustomer(long numberId, long contactId, Instant at) {
        return open(numberId, contactId, TicketStatus.WAITING, null, null, false, at, true);
    }

    private Opened open(long numberId, long contactId, TicketStatus status, Long agentId, Long parentId,
                        boolean openedByActiveMessage, Instant at, boolean customerWrote) {
        Timestamp now = Timestamp.from(at);
        Optional<Long> created = jdbc.query(OPEN, (row, i) -> row.getLong(1),
                numberId, contactId, numberId, status.name(), agentId, parentId, openedByActiveMessage, now,
                agentId == null ? null : now, status == TicketStatus.OPEN ? now : null,
                customerWrote ? now : null).stream().findFirst();
        return created.map(id -> new Opened(new LockedTicket(id, numberId, contactId, status, agentId), true))
                .orElseGet(() -> new Opened(lockUnclosedOf(contactId).orElseThrow(), false));
    }

    /** The next "#1042" of the number, for a ticket the pages open. */
    long nextTicketNumber(long numberId) {
        return jdbc.queryForObject("SELECT next_ticket_number(?)", Long.class, numberId);
    }

    /** {@link Ticket#assign}: a waiting ticket (locked by the caller) goes to the agent. */
    void assign(long ticketId, long agentId, Instant at) {
        jdbc.update(ASSIGN, agentId, Timestamp.from(at), ticketId);
    }

    /** {@link Ticket#close}. */
    void close(long ticketId, CloseReason reason, Instant at) {
        jdbc.update(CLOSE, reason.name(), Timestamp.from(at), ticketId);
    }

    void customerWrote(long ticketId, Instant at) {
        jdbc.update("""
                UPDATE tickets SET last_customer_message_at = GREATEST(last_customer_message_at, ?),
                                   version = version + 1
                 WHERE id = ?
                """, Timestamp.from(at), ticketId);
    }

    /** The reason a ticket closes when the customer leaves (keyword or timeout), by how far it got. */
    static CloseReason customerLeft(TicketStatus status) {
        return switch (status) {
            case WAITING -> CloseReason.LOST;
            case ASSIGNED -> CloseReason.ABANDONED;
            case OPEN -> CloseReason.CLIENT;
            case CLOSED -> throw new IllegalStateException("already closed");
        };
    }

    private static LockedTicket locked(ResultSet row, int index) throws SQLException {
        return new LockedTicket(row.getLong("id"), row.getLong("number_id"), row.getLong("contact_id"),
                TicketStatus.valueOf(row.getString("status")), row.getObject("agent_id", Long.class));
    }
}
