package br.com.balcao.numbers;

import java.time.Duration;
import java.time.ZoneId;

/** A number's settings that the automation and the ticket engine act on. */
public record NumberRules(long id, ZoneId zone, boolean alwaysOpen, String afterHoursMessage,
        boolean notifyNextOpening, String exitKeyword, Duration customerInactivity, Duration queueTimeout) {
}
