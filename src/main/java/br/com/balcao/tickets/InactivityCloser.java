package br.com.balcao.tickets;

import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.tickets.TicketStore.LockedTicket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes tickets whose customer went silent, once across all app instances:
 * <ul>
 * <li>in service (OPEN), the agent wrote last, and the customer has not answered within the number's
 * customer inactivity timeout: CLIENT_INACTIVITY;</li>
 * <li>still waiting (WAITING) or assigned without a first response (ASSIGNED), and the customer's last
 * message is older than the number's queue timeout: LOST or ABANDONED.</li>
 * </ul>
 */
@Service
public class InactivityCloser {

    private static final String SILENT_IN_SERVICE = """
            SELECT t.id FROM tickets t
              JOIN business_numbers n ON n.id = t.number_id
              JOIN LATERAL (SELECT m.direction, m.created_at FROM messages m WHERE m.ticket_id = t.id
                             ORDER BY m.created_at DESC, m.id DESC LIMIT 1) last ON true
             WHERE %s AND last.direction = 'OUTBOUND'
               AND last.created_at + make_interval(mins => n.customer_inactivity_minutes) <= ?
            """.formatted(TicketStatus.OPEN.sqlCondition("t.status"));

    private static final String SILENT_IN_QUEUE = """
            SELECT t.id FROM tickets t
              JOIN business_numbers n ON n.id = t.number_id
             WHERE (%s OR %s) AND NOT t.opened_by_active_message
               AND COALESCE(t.last_customer_message_at, t.created_at)
                   + make_interval(mins => n.queue_timeout_minutes) <= ?
            """.formatted(TicketStatus.WAITING.sqlCondition("t.status"),
                    TicketStatus.ASSIGNED.sqlCondition("t.status"));

    private final JdbcTemplate jdbc;
    private final TicketStore store;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InactivityCloser(JdbcTemplate jdbc, TicketStore store, PlatformTransactionManager transactions,
                     ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${balcao.tickets.inactivity-sweep:30s}", initialDelayString = "30s")
    @SchedulerLock(name = "inactivity-closer")
    public void closeInactive() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> silentInService = jdbc.queryForList(SILENT_IN_SERVICE, Long.class, now);
        List<Long> silentInQueue = jdbc.queryForList(SILENT_IN_QUEUE, Long.class, now);
        silentInService.forEach(id -> closeIfStill(id, TicketStatus.OPEN));
        silentInQueue.forEach(id -> closeIfStill(id, null));
    }

    private void closeIfStill(long ticketId, TicketStatus expected) {
        transaction.executeWithoutResult(status -> store.lock(ticketId)
                .filter(ticket -> ticket.status() != TicketStatus.CLOSED)
                .filter(ticket -> expected == null || ticket.status() == expected)
                .ifPresent(ticket -> close(ticket, clock.instant())));
    }

    private void close(LockedTicket ticket, Instant at) {
        CloseReason reason = ticket.status() == TicketStatus.OPEN ? CloseReason.CLIENT_INACTIVITY
                : TicketStore.customerLeft(ticket.status());
        store.close(ticket.id(), reason, at);
        events.publishEvent(new TicketClosed(ticket.numberId(), ticket.id(), ticket.agentId(), reason));
    }
}
