package br.com.balcao.tickets;

import br.com.balcao.security.AgentStatus;
import br.com.balcao.security.AgentStatusChanged;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.tickets.TicketEvents.TicketCreated;
import br.com.balcao.tickets.TicketStore.LockedTicket;
import java.time.Clock;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands queued tickets to agents. An agent is eligible on a number when a member with REPLY, ONLINE and
 * below their ticket slots (counted across all their numbers); the one with the fewest active tickets
 * wins, a tie going to the one idle the longest. Oldest tickets first.
 *
 * <p>Safe with several app instances: a waiting ticket is claimed with {@code FOR UPDATE SKIP LOCKED}, the
 * chosen agent's row is locked before their slots are counted, and each assignment commits on its own,
 * so no two transactions ever wait on each other's agents.
 */
@Service
public class Distributor {

    private static final int MAX_PER_DRAIN = 500;
    private static final int MAX_RETRIES = 50;

    private final JdbcTemplate jdbc;
    private final TicketStore store;
    private final AgentSlots slots;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final Executor worker;

    Distributor(JdbcTemplate jdbc, TicketStore store, AgentSlots slots, PlatformTransactionManager transactions,
                Clock clock, TicketsProperties properties) {
        int threads = properties.distributionThreads();
        this.worker = threads == 0 ? Runnable::run : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "distribution");
            thread.setDaemon(true);
            return thread;
        });
        this.jdbc = jdbc;
        this.store = store;
        this.slots = slots;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Assigns as many of the number's queued tickets as there are free slots; returns how many. */
    public int drain(long numberId) {
        int assigned = 0;
        int retries = 0;
        while (assigned < MAX_PER_DRAIN && retries < MAX_RETRIES) {
            Attempt attempt = transaction.execute(status -> {
                Attempt result = assignOne(numberId);
                if (result == Attempt.RETRY) {
                    status.setRollbackOnly();
                }
                return result;
            });
            if (attempt == Attempt.DONE) {
                break;
            }
            if (attempt == Attempt.ASSIGNED) {
                assigned++;
            } else {
                retries++;
            }
        }
        return assigned;
    }

    private enum Attempt { ASSIGNED, DONE, RETRY }

    @TransactionalEventListener
    void onTicketCreated(TicketCreated event) {
        drainSoon(event.numberId());
    }

    @TransactionalEventListener
    void onTicketClosed(TicketClosed event) {
        if (event.agentId() != null) {
            drainSoon(numbersOf(event.agentId()));
        }
    }

    @TransactionalEventListener
    void onAgentStatusChanged(AgentStatusChanged event) {
        if (event.status() == AgentStatus.ONLINE) {
            drainSoon(numbersOf(event.userId()));
        }
    }

    /**
     * Drains off the request thread, which still holds its database connection until after-commit work
     * ends; requests for a number whose drain is already pending are folded into it.
     */
    private void drainSoon(long numberId) {
        if (pending.add(numberId)) {
            worker.execute(() -> {
                pending.remove(numberId);
                drain(numberId);
            });
        }
    }

    private void drainSoon(List<Long> numberIds) {
        numberIds.forEach(this::drainSoon);
    }

    @PreDestroy
    void stopWorker() {
        if (worker instanceof ExecutorService service) {
            service.shutdown();
        }
    }

    /** A safety net: whatever an event missed (a crash between commit and drain) is assigned here. */
    @Scheduled(fixedDelayString = "${balcao.tickets.distribution-sweep:10s}", initialDelayString = "10s")
    @SchedulerLock(name = "distribution-sweep")
    public void drainAll() {
        jdbc.queryForList("SELECT DISTINCT number_id FROM tickets WHERE " + TicketStatus.WAITING.sqlCondition("status"),
                        Long.class)
                .forEach(this::drain);
    }

    /**
     * One assignment in one transaction, locking one ticket and at most one agent. When the best agent
     * filled up while we waited for their lock, the caller rolls back and tries again. The agent is looked
     * for first: with nobody free (a queue building up) the drain locks no ticket and writes nothing.
     */
    private Attempt assignOne(long numberId) {
        Optional<Long> best = bestCandidate(numberId);
        if (best.isEmpty()) {
            return Attempt.DONE;
        }
        Optional<LockedTicket> ticket = store.lockOldestWaiting(List.of(numberId));
        if (ticket.isEmpty()) {
            return Attempt.DONE;
        }
        if (!slots.lock(best.get()).map(AgentSlots.LockedAgent::mayReceive).orElse(false)) {
            return Attempt.RETRY;
        }
        slots.assign(numberId, ticket.get().id(), best.get(), clock.instant());
        return Attempt.ASSIGNED;
    }

    private static final String BEST_CANDIDATE = """
            SELECT u.id
              FROM app_users u
              JOIN memberships m ON m.user_id = u.id AND m.number_id = ? AND m.can_reply
              LEFT JOIN LATERAL (SELECT count(*) AS active FROM tickets t
                                  WHERE t.agent_id = u.id AND %s) a ON true
             WHERE %s AND u.enabled AND a.active < u.ticket_slots
             ORDER BY a.active, u.last_assigned_at NULLS FIRST, u.id
             LIMIT 1
            """.formatted(TicketStatus.sqlWithAgent("t.status"), AgentStatus.ONLINE.sqlCondition("u.status"));

    private Optional<Long> bestCandidate(long numberId) {
        return jdbc.queryForList(BEST_CANDIDATE, Long.class, numberId).stream().findFirst();
    }

    private List<Long> numbersOf(long userId) {
        return jdbc.queryForList("SELECT number_id FROM memberships WHERE user_id = ? AND can_reply", Long.class, userId);
    }
}
