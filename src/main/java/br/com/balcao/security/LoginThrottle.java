package br.com.balcao.security;

import br.com.balcao.security.ThrottleKey.Scope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses login attempts with a growing delay ({@link Backoff}) per {@link ThrottleKey}, rather than locking
 * an account, which anyone who knows its e-mail could do.
 *
 * <p>The counts are rows of login_throttle, not memory: instances behind one balancer must refuse alike, or
 * each would give a guesser an allowance of its own, and a restart (a deployment) must not hand out fresh
 * ones. The table stays small: a correct password deletes its account key, an address key whose count falls
 * back to zero is deleted, and keys idle for {@code forget-after} are deleted every hour.
 *
 * <p>An attempt counts as a failure as soon as it is admitted, under its keys' row locks, and is taken back
 * when the password turns out right: concurrent attempts (a script firing a hundred at once) cannot all get
 * in before the first failure is written.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Backoff perAccount;
    private final Backoff perAddress;

    LoginThrottle(JdbcTemplate jdbc, Clock clock, LoginThrottleProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAccount = properties.perAccount();
        this.perAddress = properties.perAddress();
    }

    /**
     * Counts the attempt against every key, or refuses it (counting nothing) when any key must still wait. The
     * keys are always locked in the same order (account, then address), so concurrent attempts cannot deadlock.
     */
    @Transactional
    public void admit(List<ThrottleKey> keys) {
        Instant now = clock.instant();
        for (ThrottleKey key : keys) {
            Backoff backoff = backoff(key);
            Count count = lock(key, now);
            var until = backoff.refusedUntil(count.failures(), count.lastFailureAt(), now);
            if (until.isPresent()) {
                throw new ThrottledLoginException(Duration.between(now, until.get()));
            }
            int failures = backoff.forgotten(count.lastFailureAt(), now) ? 1 : count.failures() + 1;
            jdbc.update("UPDATE login_throttle SET failures = ?, last_failure_at = ? WHERE throttle_key = ?",
                    failures, Timestamp.from(now), key.id());
        }
    }

    /**
     * The password was right: the account's key starts again from nothing; the address keeps the failures of
     * others' attempts, and a right password now and then does not wipe them out.
     */
    @Transactional
    public void passwordAccepted(List<ThrottleKey> keys) {
        for (ThrottleKey key : keys) {
            if (key.scope() == Scope.ACCOUNT) {
                jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", key.id());
            } else {
                jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ? AND failures <= 1", key.id());
                jdbc.update("UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ?", key.id());
            }
        }
    }

    @Scheduled(fixedDelayString = "${balcao.security.login-throttle.cleanup-interval:1h}",
            initialDelayString = "${balcao.security.login-throttle.cleanup-interval:1h}")
    @SchedulerLock(name = "login-throttle-cleanup")
    public void forgetIdleKeys() {
        jdbc.update("DELETE FROM login_throttle WHERE last_failure_at <= ?",
                Timestamp.from(clock.instant().minus(perAccount.forgetAfter())));
    }

    private Backoff backoff(ThrottleKey key) {
        return key.scope() == Scope.ACCOUNT ? perAccount : perAddress;
    }

    /** The key's row, created when new, locked until the transaction ends (the update changes nothing). */
    private Count lock(ThrottleKey key, Instant now) {
        return jdbc.queryForObject("""
                INSERT INTO login_throttle AS t (throttle_key, failures, last_failure_at) VALUES (?, 0, ?)
                ON CONFLICT (throttle_key) DO UPDATE SET failures = t.failures
                RETURNING failures, last_failure_at
                """, (row, n) -> new Count(row.getInt(1), row.getTimestamp(2).toInstant()), key.id(), Timestamp.from(now));
    }

    private record Count(int failures, Instant lastFailureAt) {
    }
}
