package br.com.balcao.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests set and move; the application sees it as its only clock. */
public class TestClock extends Clock {

    /** Where every test context's clock starts: a Monday, 14:00 in São Paulo. */
    public static final Instant START = Instant.parse("2026-11-16T17:00:00Z");

    private volatile Instant now = START;

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application works in UTC instants");
    }
}
