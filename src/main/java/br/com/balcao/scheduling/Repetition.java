package br.com.balcao.scheduling;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;

/**
 * How a scheduled message repeats. Each occurrence is counted from the first date and time typed, in the number's
 * zone, so a monthly message of the 31st goes on the last day of shorter months and back on the 31st after them,
 * and a message at 09:00 stays at 09:00 across a change of daylight saving time.
 */
public enum Repetition {
    NONE, DAILY, WEEKLY, MONTHLY;

    /** The local date and time of occurrence {@code n} (0 is the first). */
    LocalDateTime occurrence(LocalDateTime first, int n) {
        return switch (this) {
            case NONE -> first;
            case DAILY -> first.plusDays(n);
            case WEEKLY -> first.plusWeeks(n);
            case MONTHLY -> first.plusMonths(n);
        };
    }

    /**
     * The instant of occurrence {@code n} in the zone. A time that a clock change skips goes on at the same distance
     * after the change (02:30 on a day that jumps from 02:00 to 03:00 becomes 03:30); a time that happens twice
     * takes the first.
     */
    Instant due(LocalDateTime first, int n, ZoneId zone) {
        return ZonedDateTime.of(occurrence(first, n), zone).toInstant();
    }

    boolean repeats() {
        return this != NONE;
    }
}
