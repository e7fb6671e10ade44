package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lifecycle rule has two forms: the {@link Ticket} entity's method, which the pages use, and the engine's one
 * SQL statement in {@link TicketStore}. In the same situation, at the same instant, both leave the same row.
 */
@IntegrationTest
class TicketLifecycleAgreementTest {

    private static final List<String> LIFECYCLE = List.of("status", "close_reason", "created_at",
            "assigned_at", "first_response_at", "closed_at", "last_customer_message_at", "version");

    @Autowired
    TicketRepository tickets;

    @Autowired
    TicketStore store;

    @Autowired
    TicketClaims claims;

    @Autowired
    TicketActions actions;

    @Autowired
    Distributor distributor;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long number;

    @BeforeEach
    void aNumber() {
        clock.set(TestClock.START);
        number = data.openNumber("Regras " + TestData.unique());
    }

    @Test
    void anAgentTakingATicketAndTheDistributionGivingOneLeaveTheSameTicketAndAgent() {
        long otherNumber = data.openNumber("Regras " + TestData.unique());
        long taker = data.agent(number, "ONLINE");
        long receiver = data.agent(otherNumber, "ONLINE");
        long taken = data.ticket(number, data.contact(number, "Ana"), "WAITING", null);
        long given = data.ticket(otherNumber, data.contact(otherNumber, "Bia"), "WAITING", null);
        clock.advance(Duration.ofMinutes(4));

        claims.take(taken, taker);
        assertThat(distributor.drain(otherNumber)).isEqualTo(1);

        assertThat(lifecycle(taken)).isEqualTo(lifecycle(given))
                .containsEntry("status", "ASSIGNED").containsEntry("assigned_at", Timestamp.from(clock.instant()));
        assertThat(row(taken)).containsEntry("agent_id", taker);
        assertThat(row(given)).containsEntry("agent_id", receiver);
        assertThat(lastAssigned(taker)).isEqualTo(lastAssigned(receiver)).isEqualTo(Timestamp.from(clock.instant()));
    }

    @Test
    void assignByEntityAndBySqlAgree() {
        long agent = data.agent(number, "ONLINE");
        long byEntity = waiting();
        long bySql = waiting();
        clock.advance(Duration.ofMinutes(2));

        inTransaction(() -> tickets.lock(byEntity).orElseThrow().assign(agent, clock.instant()));
        inTransaction(() -> store.lock(bySql).ifPresent(ticket -> store.assign(bySql, agent, clock.instant())));

        assertThat(lifecycle(byEntity)).isEqualTo(lifecycle(bySql)).containsEntry("status", "ASSIGNED")
                .containsEntry("version", 1L);
        assertThat(row(byEntity).get("agent_id")).isEqualTo(row(bySql).get("agent_id")).isEqualTo(agent);
    }

    @ParameterizedTest
    @EnumSource(CloseReason.class)
    void closeByEntityAndBySqlAgree(CloseReason reason) {
        long agent = data.agent(number, "ONLINE");
        long byEntity = data.ticket(number, data.contact(number, "Ana"), "ASSIGNED", agent);
        long bySql = data.ticket(number, data.contact(number, "Bia"), "ASSIGNED", agent);
        clock.advance(Duration.ofMinutes(30));

        inTransaction(() -> tickets.lock(byEntity).orElseThrow().close(reason, clock.instant()));
        inTransaction(() -> store.close(bySql, reason, clock.instant()));

        assertThat(lifecycle(byEntity)).isEqualTo(lifecycle(bySql)).containsEntry("status", "CLOSED")
                .containsEntry("close_reason", reason.name())
                .containsEntry("closed_at", Timestamp.from(clock.instant()));
    }

    @Test
    void aTransferByTheEntitiesLeavesWhatTheEnginesCloseAndOpenWould() {
        long from = data.agent(number, "ONLINE");
        long to = data.agent(number, "ONLINE");
        long byEntity = data.ticket(number, data.contact(number, "Ana"), "ASSIGNED", from);
        long bySql = data.ticket(number, data.contact(number, "Bia"), "ASSIGNED", from);
        clock.advance(Duration.ofMinutes(9));

        long continuedByEntity = actions.transfer(byEntity, from, to);
        long continuedBySql = inTransactionAnswer(() -> {
            Map<String, Object> ticket = row(bySql);
            store.lock(bySql);
            store.close(bySql, CloseReason.TRANSFERRED, clock.instant());
            return store.openOrJoin(number, (Long) ticket.get("contact_id"), TicketStatus.ASSIGNED, to, bySql, false,
                    clock.instant()).ticket().id();
        });

        assertThat(lifecycle(byEntity)).isEqualTo(lifecycle(bySql)).containsEntry("close_reason", "TRANSFERRED");
        assertThat(lifecycle(continuedByEntity)).isEqualTo(lifecycle(continuedBySql))
                .containsEntry("status", "ASSIGNED").containsEntry("created_at", Timestamp.from(clock.instant()));
        assertThat(row(continuedByEntity)).containsEntry("parent_ticket_id", byEntity).containsEntry("agent_id", to)
                .containsEntry("opened_by_active_message", false);
        assertThat(row(continuedBySql)).containsEntry("parent_ticket_id", bySql).containsEntry("agent_id", to);
    }

    /**
     * An active message opens the contact's ticket in SQL (the engine's OPEN statement) when there is none, and
     * takes a waiting one into service through the entity: the same agent at the same instant leaves both in
     * service alike. What differs is their past: the opened ticket was created by the send and is marked as opened
     * by an active message (the dashboard leaves its first response out); the taken one keeps its creation and,
     * having been changed from WAITING, one more version.
     */
    @Test
    void anActiveMessageOpeningATicketInSqlAndTakingAWaitingOneByTheEntityAgree() {
        long agent = data.agent(number, "ONLINE");
        long template = jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', 'Olá! Podemos ajudar?', 'APPROVED') RETURNING id
                """, Long.class, number, "retorno_" + TestData.unique());
        long waiting = waiting();
        clock.advance(Duration.ofMinutes(6));
        Timestamp now = Timestamp.from(clock.instant());

        long opened = ticketOf(actions.sendActiveMessage(data.contact(number, "Ana"), template, List.of(), agent));
        long taken = ticketOf(actions.sendActiveMessage((Long) row(waiting).get("contact_id"), template, List.of(),
                agent));

        assertThat(taken).isEqualTo(waiting);
        assertThat(inService(opened)).isEqualTo(inService(taken)).containsEntry("status", "OPEN")
                .containsEntry("agent_id", agent).containsEntry("assigned_at", now)
                .containsEntry("first_response_at", now).containsEntry("closed_at", null)
                .containsEntry("close_reason", null).containsEntry("parent_ticket_id", null);
        assertThat(row(opened)).containsEntry("created_at", now).containsEntry("opened_by_active_message", true)
                .containsEntry("version", 0L);
        assertThat(row(taken)).containsEntry("created_at", Timestamp.from(TestClock.START))
                .containsEntry("opened_by_active_message", false).containsEntry("version", 1L);
    }

    @Test
    void aTicketClosedByTheEngineIsNotClosedAgain() {
        long ticket = waiting();
        store.close(ticket, CloseReason.LOST, clock.instant());
        Map<String, Object> closed = lifecycle(ticket);
        clock.advance(Duration.ofMinutes(1));

        store.close(ticket, CloseReason.CLIENT, clock.instant());

        assertThat(lifecycle(ticket)).isEqualTo(closed);
    }

    private long waiting() {
        return data.ticket(number, data.contact(number, "Cli " + TestData.unique()), "WAITING", null);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private <T> T inTransactionAnswer(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private Map<String, Object> row(long ticketId) {
        return jdbc.queryForMap("SELECT * FROM tickets WHERE id = ?", ticketId);
    }

    /** The lifecycle's columns, without the agent (two tickets of one test may have two). */
    private Map<String, Object> lifecycle(long ticketId) {
        Map<String, Object> row = new LinkedHashMap<>(row(ticketId));
        row.keySet().retainAll(LIFECYCLE);
        return row;
    }

    private long ticketOf(long messageId) {
        return jdbc.queryForObject("SELECT ticket_id FROM messages WHERE id = ?", Long.class, messageId);
    }

    /** What being in service is: the status, the agent and the times of assignment and first answer. */
    private Map<String, Object> inService(long ticketId) {
        Map<String, Object> row = new LinkedHashMap<>(row(ticketId));
        row.keySet().retainAll(List.of("status", "agent_id", "assigned_at", "first_response_at", "closed_at",
                "close_reason", "parent_ticket_id"));
        return row;
    }

    private Timestamp lastAssigned(long agentId) {
        return jdbc.queryForObject("SELECT last_assigned_at FROM app_users WHERE id = ?", Timestamp.class, agentId);
    }
}
