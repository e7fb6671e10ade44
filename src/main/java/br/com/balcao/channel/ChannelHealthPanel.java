package br.com.balcao.channel;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.tickets.DeliveryStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The channel-health panel's lines, one per number, in three statements whatever the number count. */
@Component
record ChannelHealthPanel(JdbcTemplate jdbc, TemplateCatalog templates, ChannelSilence silence, Clock clock) {

    static final Duration RECENT_FAILURES = Duration.ofHours(1);

    private record Recorded(Instant lastWebhookAt, Instant tokenRejectedAt, String tokenRejectedMessage) {
    }

    List<NumberHealth> of(List<NumberView> numbers) {
        Instant now = clock.instant();
        Map<Long, Recorded> recorded = new HashMap<>();
        jdbc.query("SELECT number_id, last_webhook_at, token_rejected_at, token_rejected_message FROM channel_health",
                row -> {
                    recorded.put(row.getLong(1), new Recorded(instant(row.getTimestamp(2)),
                            instant(row.getTimestamp(3)), row.getString(4)));
                });
        Map<Long, Long> failures = new HashMap<>();
        // The partial index messages_failed_recent answers it.
        jdbc.query("""
                SELECT number_id, count(*) FROM messages
                 WHERE status = '%s' AND created_at >= ?
                 GROUP BY number_id
                """.formatted(DeliveryStatus.FAILED.name()), row -> {
            failures.put(row.getLong(1), row.getLong(2));
        }, Timestamp.from(now.minus(RECENT_FAILURES)));
        Map<Long, Long> paused = templates.pausedByNumber();
        Map<Long, ChannelSilence.Silence> silent = silence.silent();
        return numbers.stream().map(number -> {
            Recorded health = recorded.getOrDefault(number.id(), new Recorded(null, null, null));
            return new NumberHealth(number, health.lastWebhookAt(),
                    health.lastWebhookAt() == null ? null : Duration.between(health.lastWebhookAt(), now),
                    failures.getOrDefault(number.id(), 0L), health.tokenRejectedAt(), health.tokenRejectedMessage(),
                    paused.getOrDefault(number.id(), 0L), silent.containsKey(number.id()));
        }).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
