package br.com.balcao.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** What the monitoring templates call to show figures: {@code ${@monitoringFormat.duration(d)}}. */
@Component
public class MonitoringFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public String duration(Duration duration) {
        return ReadableDuration.format(duration);
    }

    public String time(Instant instant, ZoneId zone) {
        return instant == null ? ReadableDuration.NONE : TIME.format(instant.atZone(zone));
    }

    /** An average with one decimal, in the reader's language ("1,5" in Portuguese). */
    public String average(Double value, Locale locale) {
        return value == null ? ReadableDuration.NONE : String.format(locale, "%.1f", value);
    }
}
