package br.com.balcao.channel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying a message again: 2 s, 4 s, 8 s ... doubling up to 5 minutes, each wait
 * drawn between half and all of that, so that messages failed together do not come back together.
 */
final class RetryBackoff {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration CAP = Duration.ofMinutes(5);

    private RetryBackoff() {
    }

    /** The wait after the given failed attempt (1 for the first). */
    static Duration after(int attempt) {
        return after(attempt, ThreadLocalRandom.current().nextDouble());
    }

    /** The wait after the given failed attempt, with {@code jitter} from 0 up to 1 choosing within the range. */
    static Duration after(int attempt, double jitter) {
        Duration ceiling = ceiling(attempt);
        long half = ceiling.toMillis() / 2;
        return Duration.ofMillis(half + Math.round(half * jitter));
    }

    /** The longest wait after the given failed attempt. */
    static Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 20);
        Duration nominal = FIRST.multipliedBy(1L << doublings);
        return nominal.compareTo(CAP) > 0 ? CAP : nominal;
    }
}
