package br.com.balcao.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The growing delay of one throttle key: its first {@code freeFailures} failures cost nothing; after that the
 * next attempt waits {@code firstDelay} after the last failure, twice as long after each further failure, at
 * most {@code maxDelay}. A key with no failure for {@code forgetAfter} starts again from nothing.
 */
record Backoff(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    /** Past 2^20 times the first delay the cap has long been reached; this keeps the arithmetic in range. */
    private static final int MAX_DOUBLINGS = 20;

    /** When the key may try again, if not now. */
    Optional<Instant> refusedUntil(int failures, Instant lastFailure, Instant now) {
        if (forgotten(lastFailure, now) || failures < freeFailures) {
            return Optional.empty();
        }
        Instant until = lastFailure.plus(delayAfter(failures));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    boolean forgotten(Instant lastFailure, Instant now) {
        return !lastFailure.plus(forgetAfter).isAfter(now);
    }

    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - freeFailures, MAX_DOUBLINGS);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
