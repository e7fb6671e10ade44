package br.com.balcao.monitoring;

import static br.com.balcao.monitoring.MonitoringRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import br.com.balcao.monitoring.Dashboard.AgentRow;
import br.com.balcao.monitoring.Dashboard.Now;
import br.com.balcao.monitoring.Dashboard.Queued;
import br.com.balcao.monitoring.Dashboard.TagCount;
import br.com.balcao.monitoring.Dashboard.Today;
import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.security.AgentStatus;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure of the dashboard on a fixture day whose expected values are worked out by hand below.
 *
 * <p>The day D is Monday 2026-11-16. Number A is in São Paulo (UTC-3), number B in Manaus (UTC-4). "Now" is
 * D 23:45 in São Paulo (2026-11-17T02:45Z, already the 17th in UTC; 22:45 in Manaus). Ticket T2 was created at
 * 23:30 in São Paulo (the 17th in UTC) and belongs to D; ticket T12, at 00:10 of D+1, belongs to the next day.
 * Ticket B1 was created at 00:30 on D in São Paulo time but 23:30 on D-1 in Manaus: not today for B.
 */
@IntegrationTest
class MonitoringFiguresTest {

    private static final String SAO_PAULO = "America/Sao_Paulo";
    private static final String MANAUS = "America/Manaus";
    private static final Instant NOW = sp("2026-11-16T23:45");

    @Autowired
    DashboardQueries queries;

    @Autowired
    NumberDirectory numbers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    TicketActions actions;

    MonitoringRows rows;
    long a;
    long b;
    long ana;
    long bruno;
    long carla;
    long davi;
    long eva;
    long t2;
    long t4;
    long t5;
    long b3;
    String vendaName;
    String suporteName;

    @BeforeEach
    void theFixtureDay() {
        clock.set(NOW);
        rows = new MonitoringRows(jdbc, data);
        a = rows.number("A Loja", SAO_PAULO);
        b = rows.number("B Filial", MANAUS);

        // Slots equal to their active tickets: the distribution sweep gives nobody the queued tickets.
        ana = rows.agent(a, "Ana", "ONLINE", sp("2026-11-16T20:00"), 2);
        bruno = rows.agent(a, "Bruno", "BREAK", sp("2026-11-16T23:00"), 1);
        carla = rows.agent(a, "Carla", "INVISIBLE", sp("2026-11-16T19:00"), 0);
        davi = rows.agent(a, "Davi", "OFFLINE", sp("2026-11-16T18:00"), 0);
        long watcher = rows.agent(a, "Zé sem resposta", "ONLINE", sp("2026-11-16T08:00"), 0);
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", watcher);
        eva = rows.agent(b, "Eva", "ONLINE", sp("2026-11-16T08:00"), 0);

        long venda = rows.tag("Venda");
        long suporte = rows.tag("Suporte");
        vendaName = jdbc.queryForObject("SELECT name FROM tags WHERE id = ?", String.class, venda);
        suporteName = jdbc.queryForObject("SELECT name FROM tags WHERE id = ?", String.class, suporte);

        // T1: first response 3 min after assignment, closed 30 min after it; replies after 4 min (the run
        // starts at 10:10) and 1 min; the second reply in a row at 10:15 ends no run.
        rows.ticket(a, sp("2026-11-16T10:00")).assigned(ana, sp("2026-11-16T10:02")).answered(sp("2026-11-16T10:05"))
                .closed("ATTENDANT", sp("2026-11-16T10:35")).save()
                .in(sp("2026-11-16T10:00")).out(sp("2026-11-16T10:05"))
                .in(sp("2026-11-16T10:10")).in(sp("2026-11-16T10:11")).out(sp("2026-11-16T10:14"))
                .out(sp("2026-11-16T10:15"))
                .in(sp("2026-11-16T10:20")).out(sp("2026-11-16T10:21"))
                .tagged(venda);
        // T2 (23:30): first response 2 min 20 s after assignment; a reply after 1 min 30 s. In service.
        t2 = rows.ticket(a, sp("2026-11-16T23:30")).assigned(ana, sp("2026-11-16T23:31"))
                .answered(sp("2026-11-16T23:33:20")).save()
                .in(sp("2026-11-16T23:30")).out(sp("2026-11-16T23:33:20"))
                .in(sp("2026-11-16T23:35")).out(sp("2026-11-16T23:36:30")).id();
        // T3: created yesterday, first response today after 10 min, closed today 35 min later; a reply after 3 min.
        rows.ticket(a, sp("2026-11-15T23:50")).assigned(bruno, sp("2026-11-15T23:55"))
                .answered(sp("2026-11-16T00:05")).closed("CLIENT_INACTIVITY", sp("2026-11-16T00:40")).save()
                .in(sp("2026-11-15T23:50")).out(sp("2026-11-16T00:05"))
                .in(sp("2026-11-16T00:10")).out(sp("2026-11-16T00:13"))
                .tagged(suporte);
        // T4 and T5 wait in the queue since 22:00 and 23:40.
        t4 = rows.ticket(a, sp("2026-11-16T22:00")).save().in(sp("2026-11-16T22:00")).id();
        t5 = rows.ticket(a, sp("2026-11-16T23:40")).save().in(sp("2026-11-16T23:40")).id();
        // T6: assigned at 21:01 and still unanswered: 2 h 44 min at 23:45.
        rows.ticket(a, sp("2026-11-16T21:00")).assigned(bruno, sp("2026-11-16T21:01")).save()
                .in(sp("2026-11-16T21:00"));
        // T7 lost in the queue, T8 abandoned after assignment.
        rows.ticket(a, sp("2026-11-16T15:00")).closed("LOST", sp("2026-11-16T15:30")).save();
        rows.ticket(a, sp("2026-11-16T16:00")).assigned(ana, sp("2026-11-16T16:01"))
                .closed("ABANDONED", sp("2026-11-16T16:20")).save();
        // T9: opened by Ana's active message at 18:00; the customer answered at 18:10, Ana 2 min later.
        rows.ticket(a, sp("2026-11-16T18:00")).byActiveMessage(ana).save()
                .out(sp("2026-11-16T18:00")).in(sp("2026-11-16T18:10")).out(sp("2026-11-16T18:12"));
        // T10 answered by Carla after 4 min and transferred at 12:30 to Ana as T11, answered after 1 min.
        long t10 = rows.ticket(a, sp("2026-11-16T12:00")).assigned(carla, sp("2026-11-16T12:00"))
                .answered(sp("2026-11-16T12:04")).closed("TRANSFERRED", sp("2026-11-16T12:30")).save()
                .in(sp("2026-11-16T12:00")).out(sp("2026-11-16T12:04")).id();
        rows.ticket(a, sp("2026-11-16T12:30")).transferredFrom(t10).assigned(ana, sp("2026-11-16T12:30"))
                .answered(sp("2026-11-16T12:31")).closed("ATTENDANT", sp("2026-11-16T12:50")).save()
                .out(sp("2026-11-16T12:31"))
                .tagged(venda, suporte);
        // T13: all of it yesterday; nothing of it counts today.
        rows.ticket(a, sp("2026-11-15T09:00")).assigned(ana, sp("2026-11-15T09:01")).answered(sp("2026-11-15T09:03"))
                .closed("ATTENDANT", sp("2026-11-15T10:00")).save()
                .in(sp("2026-11-15T09:00")).out(sp("2026-11-15T09:03")).in(sp("2026-11-15T09:10"))
                .out(sp("2026-11-15T09:12"))
                .tagged(venda);

        // B1: 23:30 on D-1 in Manaus (00:30 on D in São Paulo), lost.
        rows.ticket(b, manaus("2026-11-15T23:30")).closed("LOST", manaus("2026-11-15T23:50")).save();
        // B2: first response after 4 min, a reply after 10 min, closed 25 min after the first response.
        rows.ticket(b, manaus("2026-11-16T00:30")).assigned(eva, manaus("2026-11-16T00:31"))
                .answered(manaus("2026-11-16T00:35")).closed("ATTENDANT", manaus("2026-11-16T01:00")).save()
                .in(manaus("2026-11-16T00:30")).out(manaus("2026-11-16T00:35"))
                .in(manaus("2026-11-16T00:40")).out(manaus("2026-11-16T00:50"));
        // B3 waits since 22:00 Manaus: 45 min at 22:45.
        b3 = rows.ticket(b, manaus("2026-11-16T22:00")).save().in(manaus("2026-11-16T22:00")).id();
    }

    @AfterEach
    void clockBackToStart() {
        clock.set(TestClock.START);
    }

    @Test
    void oneNumberInSaoPaulo() {
        Dashboard dashboard = compute(a);

        assertThat(dashboard.computedAt()).isEqualTo(NOW);
        // Queue: T4 (1 h 45 min) and T5; in service: T2 and T9 (active message); awaiting: T6 since 21:01.
        assertThat(dashboard.now()).isEqualTo(new Now(2, minutes(105), 2, 1, minutes(164)));
        // Created on D: T1, T2, T4, T5, T6, T7, T8, T9, T10, T11 (not T3 nor T13).
        // Unclosed T2 T4 T5 T6 T9; closed T1 T10 T11; abandoned T8; lost T7.
        // First responses on D (not T9, opened by an active message): T1 180, T2 140, T3 600, T10 240, T11 60 s;
        // average 1220 / 5 = 244 s; the longest is T6, still unanswered: 2 h 44 min = 9840 s.
        // Responses on D: T1 240 and 60, T2 90, T3 180, T9 120 s: 690 / 5 = 138 s (T13's reply was yesterday).
        // Service, closed on D after a first response: T1 1800, T3 2100, T10 1560, T11 1140 s: 6600 / 4 = 1650 s.
        assertThat(dashboard.today()).isEqualTo(new Today(10, 5, 3, 1, 1,
                seconds(244), seconds(9840), seconds(138), seconds(1650)));

        assertThat(dashboard.agents().rows()).extracting(AgentRow::name, AgentRow::status, AgentRow::statusSince,
                        AgentRow::activeTickets, AgentRow::closedToday, AgentRow::averageFirstResponseToday)
                .containsExactly(
                        // Ana: T2 and T9 active; closed T1 and T11 (T8 was abandoned); (180 + 140 + 60) / 3 = 126.7 s
                        tuple("Ana", AgentStatus.ONLINE, sp("2026-11-16T20:00"), 2L, 2L,
                                seconds(127)),
                        tuple("Bruno", AgentStatus.BREAK, sp("2026-11-16T23:00"), 1L, 1L,
                                seconds(600)),
                        tuple("Carla", AgentStatus.INVISIBLE, sp("2026-11-16T19:00"), 0L,
                                1L, seconds(240)),
                        tuple("Davi", AgentStatus.OFFLINE, sp("2026-11-16T18:00"), 0L, 0L,
                                null));
        assertThat(dashboard.agents().online()).isEqualTo(1);
        assertThat(dashboard.agents().onBreak()).isEqualTo(1);
        assertThat(dashboard.agents().invisible()).isEqualTo(1);
        // Ana 2 + Bruno 1 + Carla 0 active tickets, over the three agents at work.
        assertThat(dashboard.agents().averageActivePerAgent()).isEqualTo(1.0);

        assertThat(dashboard.queue()).extracting(Queued::ticketId, Queued::position, Queued::waiting)
                .containsExactly(tuple(t4, 1L, minutes(105)),
                        tuple(t5, 2L, minutes(5)));
        assertThat(dashboard.inService()).extracting(Dashboard.InService::ticketId).hasSize(2).contains(t2);
        assertThat(dashboard.inService()).filteredOn(row -> row.ticketId() == t2).singleElement()
                .satisfies(row -> {
                    assertThat(row.agentName()).isEqualTo("Ana");
                    assertThat(row.since()).isEqualTo(sp("2026-11-16T23:33:20"));
                    assertThat(row.firstResponse()).isEqualTo(seconds(140));
                });
        assertThat(dashboard.inService()).filteredOn(row -> row.ticketId() != t2).singleElement()
                .satisfies(row -> assertThat(row.firstResponse()).isNull());

        // Closed on D with tags: T1 (Venda), T3 (Suporte), T11 (both); T13 closed yesterday.
        assertThat(dashboard.tags()).extracting(TagCount::name, TagCount::tickets).containsExactlyInAnyOrder(
                tuple(vendaName, 2L), tuple(suporteName, 2L));

        // São Paulo hours. Created: 10 T1, 12 T10 T11, 15 T7, 16 T8, 18 T9, 21 T6, 22 T4, 23 T2 T5.
        // Closed: 00 T3, 10 T1, 12 T10 T11, 15 T7, 16 T8.
        assertThat(dashboard.hours().created()).containsExactly(
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 2);
        assertThat(dashboard.hours().closed()).containsExactly(
                1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void oneNumberInManausCountsItsOwnDay() {
        Dashboard dashboard = compute(b);

        // B3 waits 45 min; B1 was created on D-1 in Manaus even though it was D in São Paulo.
        assertThat(dashboard.now()).isEqualTo(new Now(1, minutes(45), 0, 0, null));
        assertThat(dashboard.today()).isEqualTo(new Today(2, 1, 1, 0, 0,
                seconds(240), seconds(240), seconds(600), seconds(1500)));
        assertThat(dashboard.agents().rows()).extracting(AgentRow::name, AgentRow::closedToday)
                .containsExactly(tuple("Eva", 1L));
        // Manaus hours: B2 created at 00:30 and closed at 01:00, B3 created at 22:00.
        assertThat(dashboard.hours().created()[0]).isEqualTo(1);
        assertThat(dashboard.hours().created()[22]).isEqualTo(1);
        assertThat(dashboard.hours().closed()[1]).isEqualTo(1);
        assertThat(dashboard.tags()).isEmpty();
    }

    @Test
    void allNumbersAddEachNumbersOwnDay() {
        Dashboard dashboard = compute(a, b);

        assertThat(dashboard.now()).isEqualTo(new Now(3, minutes(105), 2, 1, minutes(164)));
        // A 10 + B 2 tickets; first responses (1220 + 240) / 6 = 243.3 s; responses (690 + 600) / 6 = 215 s;
        // service (6600 + 1500) / 5 = 1620 s.
        assertThat(dashboard.today()).isEqualTo(new Today(12, 6, 4, 1, 1,
                seconds(243), seconds(9840), seconds(215), seconds(1620)));
        assertThat(dashboard.agents().online()).isEqualTo(2);
        // (Ana 2 + Bruno 1 + Carla 0 + Eva 0) / 4 agents at work.
        assertThat(dashboard.agents().averageActivePerAgent()).isEqualTo(0.75);
        // The queue by arrival, each position in its own number's queue: T4 at 01:00Z, B3 at 02:00Z, T5 at 02:40Z.
        assertThat(dashboard.queue()).extracting(Queued::ticketId, Queued::position)
                .containsExactly(tuple(t4, 1L), tuple(b3, 1L),
                        tuple(t5, 2L));
        // Local hours: B2 created at 00:30 Manaus, B3 at 22:00 Manaus, next to A's.
        assertThat(dashboard.hours().created()[0]).isEqualTo(1);
        assertThat(dashboard.hours().created()[22]).isEqualTo(2);
        assertThat(dashboard.hours().closed()[1]).isEqualTo(1);
    }

    @Test
    void afterMidnightInSaoPauloTheNewDayStartsThereButNotYetInManaus() {
        Instant nextDay = sp("2026-11-17T00:30");
        clock.set(nextDay);
        // T12 at 00:10 on D+1 joins the queue.
        rows.ticket(a, sp("2026-11-17T00:10")).save().in(sp("2026-11-17T00:10"));

        Dashboard onA = queries.compute(scope(a), nextDay);
        // In São Paulo only T12 is from today; T2 (23:30) was yesterday. No first response, reply or close today.
        assertThat(onA.today()).isEqualTo(new Today(1, 1, 0, 0, 0, null, minutes(209), null, null));
        assertThat(onA.now().waiting()).isEqualTo(3);
        assertThat(onA.hours().created()[0]).isEqualTo(1);
        assertThat(onA.tags()).isEmpty();

        // Manaus is at 23:30 on D: its two tickets still count.
        Dashboard all = queries.compute(scope(a, b), nextDay);
        assertThat(all.today().total()).isEqualTo(3);
        assertThat(all.today().averageFirstResponse()).isEqualTo(seconds(240));
    }

    @Test
    void theEngineRecordsWhereEachCustomerRunStartedAndTheDashboardAveragesThem() {
        Instant start = sp("2026-11-16T09:00");
        clock.set(start);
        long number = rows.number("Motor", SAO_PAULO);
        long agent = rows.agent(number, "Iara", "ONLINE", start, 5);
        String waId = TestData.waId();
        // The customer writes; distribution gives the ticket to Iara at once; she answers 2 min later.
        customerWrites(number, waId, "Oi");
        long ticket = jdbc.queryForObject("SELECT id FROM tickets WHERE number_id = ? AND status = 'ASSIGNED'",
                Long.class, number);
        clock.advance(Duration.ofMinutes(2));
        actions.reply(ticket, agent, "Olá, Rita!");
        // Two messages in a run (at 09:05 and 09:06), answered at 09:09: 4 min; then 09:10 answered at 09:10:30.
        clock.set(sp("2026-11-16T09:05"));
        customerWrites(number, waId, "Preciso de ajuda");
        clock.set(sp("2026-11-16T09:06"));
        customerWrites(number, waId, "É urgente");
        clock.set(sp("2026-11-16T09:09"));
        actions.reply(ticket, agent, "Pode falar");
        actions.reply(ticket, agent, "Estou aqui");
        clock.set(sp("2026-11-16T09:10"));
        customerWrites(number, waId, "Obrigada");
        clock.set(sp("2026-11-16T09:10:30"));
        actions.reply(ticket, agent, "Por nada");

        assertThat(jdbc.queryForList("""
                SELECT customer_waiting_since FROM messages WHERE ticket_id = ? AND author_type = 'AGENT'
                 ORDER BY created_at, id
                """, java.sql.Timestamp.class, ticket))
                .containsExactly(null, java.sql.Timestamp.from(sp("2026-11-16T09:05")), null,
                        java.sql.Timestamp.from(sp("2026-11-16T09:10")));
        Dashboard dashboard = queries.compute(scope(number), clock.instant());
        // (240 + 30) / 2 = 135 s; the first response came 2 min after the assignment.
        assertThat(dashboard.today().averageResponse()).isEqualTo(seconds(135));
        assertThat(dashboard.today().averageFirstResponse()).isEqualTo(minutes(2));
    }

    private void customerWrites(long number, String waId, String text) {
        pipeline.receive(number, InboundMessage.text("wamid.m" + TestData.unique(), waId, "Rita", clock.instant(), text));
    }

    private Dashboard compute(long... numberIds) {
        return queries.compute(scope(numberIds), NOW);
    }

    private MonitoringScope scope(long... numberIds) {
        return new MonitoringScope(java.util.Arrays.stream(numberIds)
                .mapToObj(id -> numbers.find(id).orElseThrow()).toList(), numberIds.length > 1);
    }

    private static Instant sp(String local) {
        return at(local, SAO_PAULO);
    }

    private static Instant manaus(String local) {
        return at(local, MANAUS);
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
