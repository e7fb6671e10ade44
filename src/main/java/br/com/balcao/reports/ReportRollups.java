package br.com.balcao.reports;

import br.com.balcao.tickets.TicketEvents.DetailsChanged;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The daily roll-ups of each number: rebuilt from the tickets for whole local days (by the hourly job for the
 * days that ended and are not rolled up yet, or on demand for a range), and marked stale again when a ticket
 * of a rolled-up day changes afterwards (a close committed late, tags edited later), so the next run redoes it.
 */
@Service
public class ReportRollups {

    private static final Logger log = LoggerFactory.getLogger(ReportRollups.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final int catchUpDays;

    /** catchUpDays: how far back the job looks for days that are not rolled up (older ones: {@link #rebuild}). */
    ReportRollups(NamedParameterJdbcTemplate jdbc, Clock clock,
                  @Value("${balcao.reports.catch-up-days:7}") int catchUpDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catchUpDays = catchUpDays;
    }

    /** Rolls up every ended local day of the last week that is not rolled up (each number's own days). */
    @Scheduled(cron = "${balcao.reports.rollup-schedule:0 5 * * * *}")
    @SchedulerLock(name = "report-rollups", lockAtMostFor = "PT1H")
    public void rollUpEndedDays() {
        List<Map<String, Object>> missing = jdbc.queryForList("""
                SELECT n.id AS number_id, d::date AS day
                  FROM business_numbers n
                 CROSS JOIN LATERAL generate_series((:now AT TIME ZONE n.time_zone)::date - :back,
                                                    (:now AT TIME ZONE n.time_zone)::date - 1, interval '1 day') d
                 WHERE NOT EXISTS (SELECT 1 FROM report_rolled_days r WHERE r.number_id = n.id AND r.day = d::date)
                 ORDER BY 1, 2
                """, Map.of("now", Timestamp.from(clock.instant()), "back", catchUpDays));
        for (Map<String, Object> day : missing) {
            LocalDate date = ((Date) day.get("day")).toLocalDate();
            rebuild(List.of(((Number) day.get("number_id")).longValue()), date, date);
        }
        if (!missing.isEmpty()) {
            log.info("Rolled up {} number-days for the reports", missing.size());
        }
    }

    /**
     * Rebuilds the roll-ups of the numbers for the local days from..to, in one transaction; the days that have
     * ended in each number's zone are marked rolled up, the others stay computed from the tickets.
     */
    @Transactional
    public void rebuild(List<Long> numberIds, LocalDate from, LocalDate to) {
        if (numberIds.isEmpty()) {
            return;
        }
        Map<String, Object> range = Map.of("ids", numberIds, "from", from, "to", to,
                "now", Timestamp.from(clock.instant()));
        jdbc.update("DELETE FROM report_counts WHERE number_id IN (:ids) AND day BETWEEN :from AND :to", range);
        jdbc.update("DELETE FROM report_durations WHERE number_id IN (:ids) AND day BETWEEN :from AND :to", range);
        jdbc.update("DELETE FROM report_tags WHERE number_id IN (:ids) AND day BETWEEN :from AND :to", range);
        jdbc.update("INSERT INTO report_counts (" + RollupSql.COUNT_COLUMNS + ") " + RollupSql.DAY_SPANS
                + RollupSql.COUNTS, range);
        jdbc.update("INSERT INTO report_durations (" + RollupSql.DURATION_COLUMNS + ") " + RollupSql.DAY_SPANS
                + RollupSql.DURATIONS, range);
        jdbc.update("INSERT INTO report_tags (" + RollupSql.TAG_COLUMNS + ") " + RollupSql.DAY_SPANS
                + RollupSql.TAGS, range);
        jdbc.update("""
                INSERT INTO report_rolled_days (number_id, day, rolled_at)
                SELECT n.id, d::date, :now
                  FROM business_numbers n
                 CROSS JOIN generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d
                 WHERE n.id IN (:ids) AND (d::date + 1)::timestamp AT TIME ZONE n.time_zone <= :now
                ON CONFLICT (number_id, day) DO UPDATE SET rolled_at = EXCLUDED.rolled_at
                """, range);
    }

    // After the engine's commit its transaction's connection is still bound: a transaction of its own makes the
    // delete commit.
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onTicketClosed(TicketClosed event) {
        markStale(event.ticketId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onDetailsChanged(DetailsChanged event) {
        if (event.ticketId() != null) {
            markStale(event.ticketId());
        }
    }

    /** The ticket's days (created, first answered, closed) are no longer rolled up if they were. */
    private void markStale(long ticketId) {
        jdbc.update("""
                DELETE FROM report_rolled_days r
                 USING tickets t JOIN business_numbers n ON n.id = t.number_id
                 WHERE t.id = :ticket AND r.number_id = t.number_id
                   AND r.day IN ((t.created_at AT TIME ZONE n.time_zone)::date,
                                 (t.first_response_at AT TIME ZONE n.time_zone)::date,
                                 (t.closed_at AT TIME ZONE n.time_zone)::date)
                """, Map.of("ticket", ticketId));
    }
}
