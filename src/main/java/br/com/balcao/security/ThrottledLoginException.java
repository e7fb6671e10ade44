package br.com.balcao.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

class ThrottledLoginException extends LockedException {

    private final transient Instant until;

    ThrottledLoginException(Instant until) {
        super("too many failed logins");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
