package br.com.balcao.reports;

import static br.com.balcao.monitoring.MonitoringRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import br.com.balcao.monitoring.MonitoringRows;
import br.com.balcao.reports.Report.AgentRow;
import br.com.balcao.reports.Report.Answers;
import br.com.balcao.reports.Report.Counts;
import br.com.balcao.reports.Report.Figures;
import br.com.balcao.reports.Report.PeriodRow;
import br.com.balcao.reports.Report.TagRow;
import br.com.balcao.reports.Report.Times;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every figure of a report over three days, worked out by hand below, computed from the tickets and from the
 * roll-ups.
 *
 * <p>Number A is in São Paulo (UTC-3), B in Manaus (UTC-4). D1 is Monday 2026-11-16, D2 Tuesday, D3 Wednesday;
 * "now" is D3 15:00 in São Paulo, so D1 and D2 have ended and D3 is the open day. A2 is created at 23:30 of D1 in
 * São Paulo (already D2 in UTC) and answered and closed on D2; B1 is created at 23:30 of D1 in Manaus, which is
 * 00:30 of D2 in São Paulo: it belongs to D1 (its own number's day).
 *
 * <p>The 90th percentile is the upper edge of the 10 % bucket holding it (nearest rank ceil(0.9 n)): edges
 * ceil(1.1^(b+1) − 1) for b = floor(ln(1 + s) / ln 1.1): 60 s → 66, 120 → 129, 240 → 251, 300 → 304,
 * 600 → 652, 900 → 955, 1800 → 1862, 3000 → 3298, 3540 → 3628.
 */
@IntegrationTest
class ReportFiguresTest {

    private static final String SAO_PAULO = "America/Sao_Paulo";
    private static final String MANAUS = "America/Manaus";
    private static final LocalDate D1 = LocalDate.parse("2026-11-16");
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);

    @Autowired
    ReportQueries queries;

    @Autowired
    ReportRollups rollups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    MonitoringRows rows;
    long a;
    long b;
    long ana;
    long bruno;
    long eva;
    String venda;
    String suporte;

    @BeforeEach
    void threeDays() {
        clock.set(sp("2026-11-18T15:00"));
        rows = new MonitoringRows(jdbc, data);
        a = rows.number("A Loja", SAO_PAULO);
        b = rows.number("B Filial", MANAUS);
        ana = rows.agent(a, "Ana", "OFFLINE", sp("2026-11-16T08:00"), 0);
        bruno = rows.agent(a, "Bruno", "OFFLINE", sp("2026-11-16T08:00"), 0);
        eva = rows.agent(b, "Eva", "OFFLINE", sp("2026-11-16T08:00"), 0);
        long vendaId = rows.tag("Venda");
        long suporteId = rows.tag("Suporte");
        venda = jdbc.queryForObject("SELECT name FROM tags WHERE id = ?", String.class, vendaId);
        suporte = jdbc.queryForObject("SELECT name FROM tags WHERE id = ?", String.class, suporteId);

        // A1 (D1 10:00): first response 180 s, a reply after 240 s, closed by Ana 1800 s after the first response.
        rows.ticket(a, sp("2026-11-16T10:00")).assigned(ana, sp("2026-11-16T10:02")).answered(sp("2026-11-16T10:05"))
                .closed("ATTENDANT", sp("2026-11-16T10:35")).save()
                .in(sp("2026-11-16T10:00")).out(sp("2026-11-16T10:05"))
                .in(sp("2026-11-16T10:10")).out(sp("2026-11-16T10:14"))
                .tagged(vendaId);
        // A2 (D1 23:30): first response on D2 00:01 after 1800 s; closed by the customer on D2 01:00 (3540 s).
        rows.ticket(a, sp("2026-11-16T23:30")).assigned(ana, sp("2026-11-16T23:31")).answered(sp("2026-11-17T00:01"))
                .closed("CLIENT", sp("2026-11-17T01:00")).save();
        // A3 lost in the queue, A4 abandoned by Bruno, both on D2.
        rows.ticket(a, sp("2026-11-17T15:00")).closed("LOST", sp("2026-11-17T15:30")).save();
        rows.ticket(a, sp("2026-11-17T16:00")).assigned(bruno, sp("2026-11-17T16:01"))
                .closed("ABANDONED", sp("2026-11-17T16:20")).save();
        // A5 (D3 09:00): Bruno answers after 60 s and again after 120 s; still in service.
        rows.ticket(a, sp("2026-11-18T09:00")).assigned(bruno, sp("2026-11-18T09:00")).answered(sp("2026-11-18T09:01"))
                .save()
                .in(sp("2026-11-18T09:00")).out(sp("2026-11-18T09:01"))
                .in(sp("2026-11-18T09:05")).out(sp("2026-11-18T09:07"));
        // A6 (D3 10:00): Ana answers after 600 s; closed for inactivity 3000 s later.
        rows.ticket(a, sp("2026-11-18T10:00")).assigned(ana, sp("2026-11-18T10:00")).answered(sp("2026-11-18T10:10"))
                .closed("CLIENT_INACTIVITY", sp("2026-11-18T11:00")).save()
                .tagged(suporteId);
        // B1 (D1 23:30 in Manaus): Eva answers after 240 s, again after 300 s, closes 900 s after the first response.
        rows.ticket(b, manaus("2026-11-16T23:30")).assigned(eva, manaus("2026-11-16T23:31"))
                .answered(manaus("2026-11-16T23:35")).closed("ATTENDANT", manaus("2026-11-16T23:50")).save()
                .in(manaus("2026-11-16T23:30")).out(manaus("2026-11-16T23:35"))
                .in(manaus("2026-11-16T23:40")).out(manaus("2026-11-16T23:45"));
    }

    @AfterEach
    void clockBackToStart() {
        clock.set(TestClock.START);
    }

    @Test
    void figuresOfBothNumbersByDayFromTheTickets() {
        Report report = queries.report(List.of(a, b), new ReportPeriod(D1, D3, Grouping.DAY));

        assertThat(report.periods()).extracting(PeriodRow::start).containsExactly(D1, D2, D3);
        // D1: created A1, A2, B1; closed A1 and B1 by the agent. First responses A1 180, B1 240 (avg 210);
        // replies A1 240, B1 300 (avg 270); service A1 1800, B1 900 (avg 1350).
        assertThat(report.periods().get(0).figures()).isEqualTo(new Figures(new Counts(3, 2, 0, 0, 0, 0, 0),
                times(2, 210, 251), times(2, 270, 304), times(2, 1350, 1862)));
        // D2: created A3, A4; closed A2 (customer), A3 lost, A4 abandoned; A2's first response 1800, service 3540.
        assertThat(report.periods().get(1).figures()).isEqualTo(new Figures(new Counts(2, 0, 1, 0, 0, 1, 1),
                times(1, 1800, 1862), Times.NONE, times(1, 3540, 3628)));
        // D3 (open, live): created A5, A6; A6 closed for inactivity; first responses 60 and 600 (avg 330);
        // A5's reply 120; A6's service 3000.
        assertThat(report.periods().get(2).figures()).isEqualTo(new Figures(new Counts(2, 0, 0, 1, 0, 0, 0),
                times(2, 330, 652), times(1, 120, 129), times(1, 3000, 3298)));
        // Total: 7 created; first responses 180 240 1800 60 600 = 2880 / 5 = 576, p90 rank 5 (1800);
        // replies 240 300 120 = 660 / 3 = 220, rank 3 (300); service 1800 900 3540 3000 = 9240 / 4 = 2310, rank 4.
        assertThat(report.total()).isEqualTo(new Figures(new Counts(7, 2, 1, 1, 0, 1, 1),
                times(5, 576, 1862), times(3, 220, 304), times(4, 2310, 3628)));
        assertThat(report.total().counts().closed()).isEqualTo(4);

        assertThat(report.agents()).extracting(AgentRow::name, AgentRow::figures).containsExactly(
                // Ana: A1, A2, A6; first 180 1800 600 (avg 860, rank 3 → 1800); reply 240; service 1800 3540 3000.
                tuple("Ana", new Figures(new Counts(3, 1, 1, 1, 0, 0, 0),
                        times(3, 860, 1862), times(1, 240, 251), times(3, 2780, 3628))),
                // Bruno: A4 abandoned, A5 in service.
                tuple("Bruno", new Figures(new Counts(2, 0, 0, 0, 0, 0, 1),
                        times(1, 60, 66), times(1, 120, 129), Times.NONE)),
                tuple("Eva", new Figures(new Counts(1, 1, 0, 0, 0, 0, 0),
                        times(1, 240, 251), times(1, 300, 304), times(1, 900, 955))),
                // A3 never had an agent.
                tuple(null, new Figures(new Counts(1, 0, 0, 0, 0, 1, 0), Times.NONE, Times.NONE, Times.NONE)));

        assertThat(report.tags()).extracting(TagRow::name, TagRow::tickets)
                .containsExactlyInAnyOrder(tuple(venda, 1L), tuple(suporte, 1L));

        // Created by local hour: Monday 10 (A1), 23 (A2, and B1 in Manaus); Tuesday 15, 16; Wednesday 9, 10.
        long[][] heat = report.createdByHourOfWeek();
        assertThat(heat[0][10]).isEqualTo(1);
        assertThat(heat[0][23]).isEqualTo(2);
        assertThat(heat[1][15] + heat[1][16] + heat[2][9] + heat[2][10]).isEqualTo(4);
        assertThat(java.util.Arrays.stream(heat).flatMapToLong(java.util.Arrays::stream).sum()).isEqualTo(7);
    }

    @Test
    void theTimeZoneDecidesTheDay() {
        // B alone: B1 is D1 in Manaus, though it is D2 in São Paulo and in UTC.
        Report manausDays = queries.report(List.of(b), new ReportPeriod(D2, D3, Grouping.DAY));
        assertThat(manausDays.total().counts()).isEqualTo(Counts.NONE);
        Report d1 = queries.report(List.of(b), new ReportPeriod(D1, D1, Grouping.DAY));
        assertThat(d1.total().counts().created()).isEqualTo(1);
    }

    @Test
    void theRollUpsGiveTheSameFiguresAsTheTicketsAndAreWhatTheReportReads() {
        ReportPeriod byDay = new ReportPeriod(D1, D3, Grouping.DAY);
        ReportPeriod byWeek = new ReportPeriod(D1, D3, Grouping.WEEK);
        Report liveByDay = queries.report(List.of(a, b), byDay);
        Report liveByWeek = queries.report(List.of(a, b), byWeek);

        rollups.rollUpEndedDays();

        // D1 and D2 have ended in both zones; D3 has not and stays live.
        assertThat(jdbc.queryForList("SELECT day FROM report_rolled_days WHERE number_id = ? ORDER BY day",
                LocalDate.class, a)).contains(D1, D2).doesNotContain(D3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_counts WHERE number_id IN (?, ?)", Long.class, a, b))
                .isPositive();
        assertThat(same(queries.report(List.of(a, b), byDay), liveByDay)).isTrue();
        assertThat(same(queries.report(List.of(a, b), byWeek), liveByWeek)).isTrue();
        assertThat(liveByWeek.periods()).extracting(PeriodRow::start).containsExactly(D1);

        // A ticket written behind the engine's back on a rolled-up day is not seen until that day is rebuilt.
        rows.ticket(a, sp("2026-11-16T12:00")).save();
        assertThat(queries.report(List.of(a), new ReportPeriod(D1, D1, Grouping.DAY)).total().counts().created())
                .isEqualTo(2);
        rollups.rebuild(List.of(a), D1, D1);
        assertThat(queries.report(List.of(a), new ReportPeriod(D1, D1, Grouping.DAY)).total().counts().created())
                .isEqualTo(3);
    }

    @Test
    void aCloseOnARolledUpDayMakesItLiveAgainUntilTheNextRun() {
        rollups.rollUpEndedDays();
        long a2 = jdbc.queryForObject("SELECT id FROM tickets WHERE number_id = ? AND close_reason = 'CLIENT'",
                Long.class, a);
        // As the engine announces it: inside its transaction, heard after the commit.
        transactions.executeWithoutResult(status -> events.publishEvent(new TicketClosed(a, a2, ana, CloseReason.CLIENT)));

        // A2 was created on D1 and answered and closed on D2: both days are computed from the tickets again.
        assertThat(rolledDays(a)).doesNotContain(D1, D2);
        rollups.rollUpEndedDays();
        assertThat(rolledDays(a)).contains(D1, D2);
    }

    @Test
    void satisfactionByScoreFromTheTicketsAndFromTheRollUps() {
        // Surveys sent at the close: A1 (Ana, D1) answered GOOD, B1 (Eva, D1 in Manaus) OK, A2 (Ana, closed D2)
        // BAD, A6 (Ana, D3, live) not answered. A3 (lost) and A4 (abandoned) were never surveyed.
        survey("ATTENDANT", a, "GOOD");
        survey("ATTENDANT", b, "OK");
        survey("CLIENT", a, "BAD");
        survey("CLIENT_INACTIVITY", a, null);
        ReportPeriod byDay = new ReportPeriod(D1, D3, Grouping.DAY);

        Report live = queries.report(List.of(a, b), byDay);

        assertThat(live.periods()).extracting(row -> row.figures().satisfaction()).containsExactly(
                new Answers(2, 1, 1, 0), new Answers(1, 0, 0, 1), new Answers(1, 0, 0, 0));
        // 4 sent, 3 answered (75 %): one of each score, 33 % each.
        Answers total = live.total().satisfaction();
        assertThat(total).isEqualTo(new Answers(4, 1, 1, 1));
        assertThat(List.of(total.answered(), total.responseRate(), total.share(total.good()), total.share(total.bad())))
                .containsExactly(3L, 75L, 33L, 33L);
        assertThat(new Answers(0, 0, 0, 0).responseRate()).isNull();
        // Ana: A1 GOOD, A2 BAD, A6 unanswered; Eva: B1 OK; Bruno and "no agent": nothing surveyed.
        assertThat(live.agents()).extracting(AgentRow::name, row -> row.figures().satisfaction()).containsExactly(
                tuple("Ana", new Answers(3, 1, 0, 1)), tuple("Bruno", Answers.NONE), tuple("Eva", new Answers(1, 0, 1, 0)),
                tuple(null, Answers.NONE));

        rollups.rollUpEndedDays();

        assertThat(jdbc.queryForObject("SELECT sum(surveyed) FROM report_counts WHERE number_id IN (?, ?) AND day < ?",
                Long.class, a, b, D3)).isEqualTo(3);
        assertThat(same(queries.report(List.of(a, b), byDay), live)).isTrue();
        assertThat(queries.report(List.of(a, b), byDay).total().satisfaction()).isEqualTo(total);

        // Days rolled up before V22 had no satisfaction columns: its one-off fill gives what a rebuild gives.
        jdbc.update("UPDATE report_counts SET surveyed = 0, good = 0, ok = 0, bad = 0 WHERE number_id IN (?, ?)", a, b);
        assertThat(queries.report(List.of(a, b), byDay).total().satisfaction()).isEqualTo(new Answers(1, 0, 0, 0));
        jdbc.update(v22Fill());
        assertThat(same(queries.report(List.of(a, b), byDay), live)).isTrue();
    }

    /** The statement of migration V22 that fills the satisfaction columns of the days rolled up before it. */
    private static String v22Fill() {
        try (var in = ReportFiguresTest.class.getResourceAsStream(
                "/db/migration/V22__report_satisfaction_and_skipped_notices.sql")) {
            String migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int start = migration.indexOf("UPDATE report_counts");
            return migration.substring(start, migration.indexOf(';', start));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The one ticket of the number closed with the reason gets a survey sent at its close, answered or not. */
    private void survey(String reason, long number, String answer) {
        jdbc.update("""
                UPDATE tickets SET survey_sent_at = closed_at, satisfaction = ?,
                                   satisfaction_answered_at = CASE WHEN CAST(? AS varchar) IS NULL THEN NULL ELSE closed_at + interval '1 minute' END
                 WHERE number_id = ? AND close_reason = ?""", answer, answer, number, reason);
    }

    private List<LocalDate> rolledDays(long number) {
        return jdbc.queryForList("SELECT day FROM report_rolled_days WHERE number_id = ? ORDER BY day", LocalDate.class,
                number);
    }

    private static boolean same(Report one, Report other) {
        // Figures (with their satisfaction) are records: equal figures are equal rows.
        return one.periods().equals(other.periods()) && one.total().equals(other.total())
                && one.agents().equals(other.agents()) && one.tags().equals(other.tags())
                && java.util.Arrays.deepEquals(one.createdByHourOfWeek(), other.createdByHourOfWeek());
    }

    private static Times times(long count, long average, long p90) {
        return new Times(count, Duration.ofSeconds(average), Duration.ofSeconds(p90));
    }

    private static Instant sp(String local) {
        return at(local, SAO_PAULO);
    }

    private static Instant manaus(String local) {
        return at(local, MANAUS);
    }
}
