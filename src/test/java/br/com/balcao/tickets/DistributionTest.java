package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.security.AgentStatus;
import br.com.balcao.security.AgentStatusService;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.TicketEvents.TicketAssigned;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
@Import(EventRecorder.class)
class DistributionTest {

    @Autowired
    Distributor distributor;

    @Autowired
    AgentStatusService statuses;

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
    void theAgentWithTheFewestActiveTicketsWins() {
        long busy = data.agent(number, "ONLINE");
        long free = data.agent(number, "ONLINE");
        active(busy, 2);
        active(free, 1);
        long ticket = waiting();

        distributor.drain(number);

        assertThat(agentOf(ticket)).isEqualTo(free);
        assertThat(status(ticket)).isEqualTo("ASSIGNED");
    }

    @Test
    void aTieGoesToTheAgentIdleTheLongest() {
        long recent = data.agent(number, "ONLINE");
        long idle = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET last_assigned_at = ? WHERE id = ?", ts(Duration.ofMinutes(5)), recent);
        jdbc.update("UPDATE app_users SET last_assigned_at = ? WHERE id = ?", ts(Duration.ofHours(2)), idle);
        long ticket = waiting();

        distributor.drain(number);

        assertThat(agentOf(ticket)).isEqualTo(idle);
    }

    @Test
    void agentsOnBreakInvisibleOfflineOrWithoutReplyGetNothing() {
        data.agent(number, "BREAK");
        data.agent(number, "INVISIBLE");
        data.agent(number, "OFFLINE");
        long noReply = data.agent(number, "ONLINE");
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", noReply);
        long ticket = waiting();

        distributor.drain(number);

        assertThat(status(ticket)).isEqualTo("WAITING");
    }

    @Test
    void slotsAreCountedAcrossNumbersAndRespected() {
        long agent = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET ticket_slots = 3 WHERE id = ?", agent);
        long otherNumber = data.openNumber("Outro " + TestData.unique());
        data.member(agent, otherNumber);
        long elsewhere = data.ticket(otherNumber, data.contact(otherNumber, "X"), "OPEN", agent);
        List<Long> queue = List.of(waiting(), waiting(), waiting());

        distributor.drain(number);

        assertThat(queue.stream().map(this::status)).containsExactly("ASSIGNED", "ASSIGNED", "WAITING");
        assertThat(status(elsewhere)).isEqualTo("OPEN");
    }

    @Test
    void theQueueIsDrainedOldestFirst() {
        long agent = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET ticket_slots = 1 WHERE id = ?", agent);
        long newer = waitingSince(Duration.ofMinutes(1));
        long older = waitingSince(Duration.ofMinutes(30));

        distributor.drain(number);

        assertThat(status(older)).isEqualTo("ASSIGNED");
        assertThat(status(newer)).isEqualTo("WAITING");
    }

    @Test
    void goingOnlinePullsQueuedTickets() {
        long agent = data.agent(number, "OFFLINE");
        long ticket = waiting();

        statuses.change(agent, AgentStatus.ONLINE);

        assertThat(agentOf(ticket)).isEqualTo(agent);
    }

    @Test
    void fiftyThreadsDrainingAtOnceNeverAssignATicketTwiceNorOverfillAnAgent() throws Exception {
        List<Long> agents = List.of(data.agent(number, "ONLINE"), data.agent(number, "ONLINE"),
                data.agent(number, "ONLINE"), data.agent(number, "ONLINE"), data.agent(number, "ONLINE"));
        for (int i = 0; i < 60; i++) {
            waiting();
        }
        int assignedBefore = events.of(TicketAssigned.class).size();

        InboundFlowTest.runConcurrently(50, () -> {
            distributor.drain(number);
            return null;
        });

        List<TicketAssigned> assignments = events.of(TicketAssigned.class).stream()
                .filter(event -> event.numberId() == number).toList();
        assertThat(assignments).hasSize(25);
        assertThat(new HashSet<>(assignments.stream().map(TicketAssigned::ticketId).toList())).hasSize(25);
        assertThat(events.of(TicketAssigned.class).size() - assignedBefore).isEqualTo(25);
        List<Map<String, Object>> load = jdbc.queryForList("""
                SELECT agent_id, count(*) AS active FROM tickets WHERE number_id = ? AND status = 'ASSIGNED'
                 GROUP BY agent_id
                """, number);
        assertThat(load).hasSize(5).allSatisfy(row -> assertThat((Long) row.get("active")).isEqualTo(5));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ? AND status = 'WAITING'",
                Long.class, number)).isEqualTo(35);
    }

    private long waiting() {
        return data.ticket(number, data.contact(number, "Cliente"), "WAITING", null);
    }

    private long waitingSince(Duration ago) {
        long ticket = waiting();
        jdbc.update("UPDATE tickets SET created_at = ? WHERE id = ?", ts(ago), ticket);
        return ticket;
    }

    private void active(long agent, int count) {
        for (int i = 0; i < count; i++) {
            data.ticket(number, data.contact(number, "Ativo"), "OPEN", agent);
        }
    }

    private Timestamp ts(Duration ago) {
        return Timestamp.from(clock.instant().minus(ago));
    }

    private String status(long ticket) {
        return jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, ticket);
    }

    private Long agentOf(long ticket) {
        return jdbc.queryForObject("SELECT agent_id FROM tickets WHERE id = ?", Long.class, ticket);
    }
}
