package br.com.balcao.conversations;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times as the conversation pages write them, formatted in Java: the template's #temporals parses its pattern
 * on every call.
 */
final class TimeShown {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY_MONTH_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    private TimeShown() {
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(zone));
    }

    static String dayMonthTime(Instant instant, ZoneId zone) {
        return instant == null ? null : DAY_MONTH_TIME.format(instant.atZone(zone));
    }
}
