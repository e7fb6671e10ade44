package br.com.balcao.security;

import java.util.Optional;

/** How long the login page says to wait before the next attempt: in seconds up to 90, in minutes past that. */
record RetryWait(String messageKey, long amount) {

    private static final long LONGEST_SECONDS = 24 * 60 * 60;

    /** From the page's {@code retry} parameter (seconds); nothing when it is missing or not a number. */
    static Optional<RetryWait> fromSeconds(String retry) {
        long seconds;
        try {
            seconds = Long.parseLong(retry == null ? "" : retry.strip());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        if (seconds < 1) {
            return Optional.empty();
        }
        seconds = Math.min(seconds, LONGEST_SECONDS);
        return Optional.of(seconds <= 90 ? new RetryWait("login.error.locked.seconds", seconds)
                : new RetryWait("login.error.locked.minutes", (seconds + 59) / 60));
    }
}
