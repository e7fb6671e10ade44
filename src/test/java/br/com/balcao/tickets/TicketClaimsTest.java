package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.TicketEvents.TicketAssigned;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent taking from the queue: the oldest ticket or a chosen one, within their slots counted across all
 * their numbers, and never a ticket someone else got first. Agents here are on a break, so that the
 * distribution sweep hands them nothing behind the test's back.
 */
@IntegrationTest
@Import(EventRecorder.class)
class TicketClaimsTest {

    @Autowired
    TicketClaims claims;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    EventRecorder events;

    long number;

    @BeforeEach
    void aNumber() {
        clock.set(TestClock.START);
        number = data.openNumber("Fila " + TestData.unique());
    }

    @Test
    void slotsCountTicketsOnEveryNumberOfTheAgent() {
        long other = data.openNumber("Outra " + TestData.unique());
        long agent = data.agent(number, "BREAK");
        data.member(agent, other);
        active(other, agent, 4);
        active(number, agent, 1);

        assertThat(claims.capacityOf(agent)).isEqualTo(new AgentCapacity(5, 5));
        assertThat(claims.capacityOf(agent).full()).isTrue();
    }

    @Test
    void takingTheNextGivesTheOldestWaitingTicketAndAnnouncesIt() {
        long agent = data.agent(number, "BREAK");
        long newer = waitingSince(Duration.ofMinutes(5));
        long oldest = waitingSince(Duration.ofMinutes(30));
        long older = waitingSince(Duration.ofMinutes(10));

        assertThat(claims.takeNext(agent, List.of(number))).isEqualTo(oldest);
        assertThat(claims.takeNext(agent, List.of(number))).isEqualTo(older);

        assertThat(statusAndAgent(oldest)).isEqualTo("ASSIGNED " + agent);
        assertThat(statusAndAgent(newer)).isEqualTo("WAITING null");
        assertThat(events.of(TicketAssigned.class)).contains(new TicketAssigned(number, oldest, agent));
        assertThat(jdbc.queryForObject("SELECT assigned_at FROM tickets WHERE id = ?", Timestamp.class, oldest))
                .isEqualTo(Timestamp.from(TestClock.START));
    }

    @Test
    void takingAChosenTicketSkipsTheOlderOnes() {
        long agent = data.agent(number, "BREAK");
        long oldest = waitingSince(Duration.ofMinutes(30));
        long chosen = waitingSince(Duration.ofMinutes(1));

        claims.take(chosen, agent);

        assertThat(statusAndAgent(chosen)).isEqualTo("ASSIGNED " + agent);
        assertThat(statusAndAgent(oldest)).isEqualTo("WAITING null");
    }

    @Test
    void aFullAgentIsRefusedAndTheTicketStaysInTheQueue() {
        long other = data.openNumber("Outra " + TestData.unique());
        long agent = data.agent(number, "BREAK");
        data.member(agent, other);
        active(other, agent, 5);
        long ticket = waitingSince(Duration.ofMinutes(3));

        assertThatThrownBy(() -> claims.takeNext(agent, List.of(number)))
                .isInstanceOfSatisfying(TicketConflictException.class, e -> assertThat(e.reason()).isEqualTo("full"));
        assertThatThrownBy(() -> claims.take(ticket, agent))
                .isInstanceOfSatisfying(TicketConflictException.class, e -> assertThat(e.reason()).isEqualTo("full"));
        assertThat(statusAndAgent(ticket)).isEqualTo("WAITING null");
    }

    @Test
    void aTicketAlreadyTakenOrAnEmptyQueueIsRefused() {
        long agent = data.agent(number, "BREAK");
        long colleague = data.agent(number, "BREAK");
        long ticket = waitingSince(Duration.ofMinutes(3));
        claims.take(ticket, colleague);

        assertThatThrownBy(() -> claims.take(ticket, agent))
                .isInstanceOfSatisfying(TicketConflictException.class, e -> assertThat(e.reason()).isEqualTo("taken"));
        assertThatThrownBy(() -> claims.takeNext(agent, List.of(number)))
                .isInstanceOfSatisfying(TicketConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo("queue-empty"));
        assertThat(statusAndAgent(ticket)).isEqualTo("ASSIGNED " + colleague);
    }

    @Test
    void anAgentWithoutReplyOnTheNumberTakesNothing() {
        long agent = data.agent(number, "BREAK");
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", agent);
        long ticket = waitingSince(Duration.ofMinutes(3));

        assertThatThrownBy(() -> claims.take(ticket, agent)).isInstanceOfSatisfying(TicketConflictException.class,
                e -> assertThat(e.reason()).isEqualTo("not-an-agent"));
        assertThat(statusAndAgent(ticket)).isEqualTo("WAITING null");
    }

    @Test
    void twoAgentsTakingTheSameTicketAtOnceOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            long first = data.agent(number, "BREAK");
            long second = data.agent(number, "BREAK");
            long ticket = waitingSince(Duration.ofMinutes(1));

            List<Boolean> won = concurrently(() -> tryTake(ticket, first), () -> tryTake(ticket, second));

            assertThat(won).containsExactlyInAnyOrder(true, false);
            assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE id = ?", Long.class, ticket))
                    .isIn(first, second);
        }
        assertThat(events.of(TicketAssigned.class).stream().filter(event -> event.numberId() == number)).hasSize(10);
    }

    @Test
    void twoAgentsTakingTheNextAtOnceGetDifferentTicketsAndOneAgentNeverOverfills() throws Exception {
        long first = data.agent(number, "BREAK");
        long second = data.agent(number, "BREAK");
        long lastSlot = data.agent(number, "BREAK");
        active(number, lastSlot, 4);
        for (int i = 0; i < 4; i++) {
            waitingSince(Duration.ofMinutes(10 - i));
        }

        List<Long> taken = concurrently(() -> claims.takeNext(first, List.of(number)),
                () -> claims.takeNext(second, List.of(number)));
        List<Boolean> lastSlotTaken = concurrently(() -> tryNext(lastSlot), () -> tryNext(lastSlot));

        assertThat(Set.copyOf(taken)).hasSize(2);
        assertThat(lastSlotTaken).containsExactlyInAnyOrder(true, false);
        assertThat(claims.capacityOf(lastSlot)).isEqualTo(new AgentCapacity(5, 5));
    }

    private boolean tryTake(long ticket, long agent) {
        try {
            claims.take(ticket, agent);
            return true;
        } catch (TicketConflictException refused) {
            return false;
        }
    }

    private boolean tryNext(long agent) {
        try {
            claims.takeNext(agent, List.of(number));
            return true;
        } catch (TicketConflictException refused) {
            return false;
        }
    }

    @SafeVarargs
    private static <T> List<T> concurrently(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long waitingSince(Duration ago) {
        long ticket = data.ticket(number, data.contact(number, "Cliente"), "WAITING", null);
        jdbc.update("UPDATE tickets SET created_at = ? WHERE id = ?", Timestamp.from(TestClock.START.minus(ago)), ticket);
        return ticket;
    }

    private void active(long numberId, long agent, int count) {
        for (int i = 0; i < count; i++) {
            data.ticket(numberId, data.contact(numberId, "Ativo"), "OPEN", agent);
        }
    }

    private String statusAndAgent(long ticket) {
        return jdbc.queryForObject("SELECT status || ' ' || COALESCE(agent_id::text, 'null') FROM tickets WHERE id = ?",
                String.class, ticket);
    }
}
