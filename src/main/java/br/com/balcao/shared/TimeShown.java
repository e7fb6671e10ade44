package br.com.balcao.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and times as the pages write them, formatted in Java: the templates' {@code #temporals} parses its
 * pattern on every call, and a list or a timeline writes fifty of them.
 */
public final class TimeShown {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY_MONTH_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private TimeShown() {
    }

    /** The instant in the zone, as 22/11/2026 14:05; null for null. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    /** The instant in the zone without the year, as 22/11 14:05; null for null. */
    public static String dayMonthTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DAY_MONTH_TIME.format(instant.atZone(zone));
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The time of day, as 14:05. */
    public static String time(TemporalAccessor at) {
        return TIME.format(at);
    }
}
