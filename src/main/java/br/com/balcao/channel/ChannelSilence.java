package br.com.balcao.channel;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.ServiceCalendar;
import br.com.balcao.tickets.Direction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which numbers have received nothing from WhatsApp for an unusual time while open (docs/metrics.md, "Channel
 * silence"): no webhook for longer than three times the number's typical gap between customers' messages at this
 * hour of the day over the last 14 days, and at least an hour, the number open all that time. A number with fewer
 * than {@value #MIN_MESSAGES} messages at this hour in 14 days has no typical gap: silence is normal for it then.
 * Checked every minute on every instance (the layout's banner reads the answer from memory); the traffic per
 * hour is counted once an hour.
 */
@Component
class ChannelSilence {

    static final Duration HISTORY = Duration.ofDays(14);
    static final Duration FLOOR = Duration.ofHours(1);
    static final int FACTOR = 3;
    static final int MIN_MESSAGES = 3;
    private static final Duration OPEN_CHECK_STEP = Duration.ofMinutes(10);

    /** A number silent since {@code lastWebhookAt}, longer than its {@code unusual} silence at this hour. */
    record Silence(long numberId, Instant lastWebhookAt, Duration unusual) {
    }

    private record Traffic(Instant hour, Map<Long, Map<Integer, Long>> messagesByLocalHour) {
    }

    private final JdbcTemplate jdbc;
    private final NumberDirectory numbers;
    private final ServiceCalendar calendar;
    private final Clock clock;
    private volatile Map<Long, Silence> silent = Map.of();
    private volatile Traffic traffic;

    ChannelSilence(JdbcTemplate jdbc, NumberDirectory numbers, ServiceCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The numbers silent for an unusual time, as of the last check. */
    Map<Long, Silence> silent() {
        return silent;
    }

    @Scheduled(fixedDelayString = "${balcao.whatsapp.health.silence-check:60s}",
            initialDelayString = "${balcao.whatsapp.health.silence-check:60s}")
    void check() {
        Instant now = clock.instant();
        Map<Long, Map<Integer, Long>> messages = trafficAround(now);
        Map<Long, Instant> lastWebhooks = new HashMap<>();
        jdbc.query("SELECT number_id, last_webhook_at FROM channel_health WHERE last_webhook_at IS NOT NULL",
                row -> {
                    lastWebhooks.put(row.getLong(1), row.getTimestamp(2).toInstant());
                });
        Map<Long, Silence> found = new HashMap<>();
        for (NumberView number : numbers.all()) {
            Instant last = lastWebhooks.get(number.id());
            int hour = now.atZone(number.zone()).getHour();
            long count = messages.getOrDefault(number.id(), Map.of()).getOrDefault(hour, 0L);
            if (last != null) {
                unusualSilence(count).filter(unusual -> Duration.between(last, now).compareTo(unusual) > 0
                                && openThroughout(number.id(), now.minus(unusual), now))
                        .ifPresent(unusual -> found.put(number.id(), new Silence(number.id(), last, unusual)));
            }
        }
        silent = Map.copyOf(found);
    }

    /**
     * How long a silence must last to be unusual, given the customers' messages at this hour of the day over
     * {@link #HISTORY}: three typical gaps (14 hours of that hour, divided by the messages), at least an hour.
     * Empty when the hour has too little traffic for a silence to mean anything.
     */
    static Optional<Duration> unusualSilence(long messagesAtThisHour) {
        if (messagesAtThisHour < MIN_MESSAGES) {
            return Optional.empty();
        }
        Duration typicalGap = Duration.ofHours(HISTORY.toDays()).dividedBy(messagesAtThisHour);
        Duration unusual = typicalGap.multipliedBy(FACTOR);
        return Optional.of(unusual.compareTo(FLOOR) < 0 ? FLOOR : unusual);
    }

    private boolean openThroughout(long numberId, Instant from, Instant to) {
        for (Instant at = to; !at.isBefore(from); at = at.minus(OPEN_CHECK_STEP)) {
            if (!calendar.isOpen(numberId, at)) {
                return false;
            }
        }
        return calendar.isOpen(numberId, from);
    }

    /** Customers' messages per number and local hour of the day over the 14 days before this hour, kept an hour. */
    private Map<Long, Map<Integer, Long>> trafficAround(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Traffic known = traffic;
        if (known != null && known.hour().equals(hour)) {
            return known.messagesByLocalHour();
        }
        Map<Long, Map<Integer, Long>> counts = new HashMap<>();
        jdbc.query("""
                SELECT m.number_id, extract(hour FROM m.created_at AT TIME ZONE b.time_zone)::int AS hour,
                       count(*) AS messages
                  FROM messages m JOIN business_numbers b ON b.id = m.number_id
                 WHERE m.created_at >= ? AND m.created_at < ? AND %s
                 GROUP BY 1, 2
                """.formatted(Direction.INBOUND.sqlCondition("m.direction")), row -> {
            counts.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(row.getInt(2), row.getLong(3));
        }, Timestamp.from(hour.minus(HISTORY)), Timestamp.from(hour));
        traffic = new Traffic(hour, counts);
        return counts;
    }
}
