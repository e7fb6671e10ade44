package br.com.balcao.reports;

import br.com.balcao.audit.AuditLog;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An admin's rebuild of the roll-ups of older days (the hourly job only catches up the last week): recorded in the
 * audit log, then run in the background a week per transaction, under the hourly job's ShedLock lock, so that one
 * rebuild at a time runs across the instances and never beside the job.
 */
@Service
record RollupRebuilds(ReportRollups rollups, LockProvider locks, AuditLog audit, TransactionTemplate transactions,
                      @Qualifier("applicationTaskExecutor") TaskExecutor background, Clock clock) {

    /** The hourly job's lock ({@link ReportRollups#rollUpEndedDays}). */
    static final String LOCK = "report-rollups";
    /** Days per transaction: a short one each, so a year does not hold one long transaction. */
    static final int CHUNK_DAYS = 7;
    private static final Duration LONGEST = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(RollupRebuilds.class);

    /**
     * Starts the rebuild of the numbers' local days from..to, or refuses it while another rebuild or the hourly job
     * runs (on any instance).
     */
    void start(SignedInUser actor, List<NumberView> numbers, LocalDate from, LocalDate to) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK, LONGEST, Duration.ZERO));
        if (lock.isEmpty()) {
            throw new InvalidInputException("reports.rebuild.busy");
        }
        try {
            String names = numbers.stream().map(NumberView::name).collect(Collectors.joining(", "));
            transactions.executeWithoutResult(status -> audit.record(actor, "reports.rebuilt", from + " – " + to,
                    Map.of(), AuditLog.fields("numbers", names, "from", from, "to", to)));
            List<Long> ids = numbers.stream().map(NumberView::id).toList();
            background.execute(() -> rebuild(ids, from, to, lock.get()));
        } catch (RuntimeException e) {
            lock.get().unlock();
            throw e;
        }
    }

    private void rebuild(List<Long> ids, LocalDate from, LocalDate to, SimpleLock lock) {
        try {
            for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(CHUNK_DAYS)) {
                LocalDate end = start.plusDays(CHUNK_DAYS - 1);
                rollups.rebuild(ids, start, end.isAfter(to) ? to : end);
            }
            log.info("Rebuilt the report roll-ups of numbers {} from {} to {}", ids, from, to);
        } catch (RuntimeException e) {
            log.error("Rebuilding the report roll-ups of numbers {} from {} to {} failed", ids, from, to, e);
        } finally {
            lock.unlock();
        }
    }
}
