package br.com.balcao.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A login attempt refused before its password is checked, and how long until the next may be tried. */
class ThrottledLoginException extends LockedException {

    private final transient Duration retryAfter;

    ThrottledLoginException(Duration retryAfter) {
        super("too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: never "try again in 0 seconds". */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
