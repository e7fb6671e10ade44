package br.com.balcao.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses logins to an account after repeated failures. Failures are kept in the database, so every app
 * instance counts the same ones.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
                  @Value("${balcao.security.login-throttle.max-failures}") int maxFailures,
                  @Value("${balcao.security.login-throttle.window}") Duration window,
                  @Value("${balcao.security.login-throttle.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** When the account may try again, if it is locked out now. */
    Optional<Instant> lockedUntil(String email) {
        Instant now = clock.instant();
        var recent = jdbc.queryForList(
                "SELECT failed_at FROM login_failures WHERE email = ? AND failed_at > ? ORDER BY failed_at DESC LIMIT ?",
                Timestamp.class, normalise(email), Timestamp.from(now.minus(window).minus(lockout)), maxFailures);
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        Instant latest = recent.get(0).toInstant();
        Instant oldest = recent.get(maxFailures - 1).toInstant();
        Instant until = latest.plus(lockout);
        boolean burst = Duration.between(oldest, latest).compareTo(window) <= 0;
        return burst && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    void recordFailure(String email) {
        jdbc.update("INSERT INTO login_failures (email, failed_at) VALUES (?, ?)",
                normalise(email), Timestamp.from(clock.instant()));
    }

    void recordSuccess(String email) {
        jdbc.update("DELETE FROM login_failures WHERE email = ?", normalise(email));
    }

    private static String normalise(String email) {
        String value = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return value.length() > 254 ? value.substring(0, 254) : value;
    }
}
