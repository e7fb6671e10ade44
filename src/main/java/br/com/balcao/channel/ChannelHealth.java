package br.com.balcao.channel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the channel's health per number ({@code channel_health}): the last webhook received, and Meta refusing
 * the access token (error 190) until a later send succeeds. The webhook path calls this for every change it
 * receives, thousands a second: each instance writes a number's row at most once a minute (a map lookup
 * otherwise), so the panel's "last webhook" is exact to the minute.
 */
@Component
class ChannelHealth {

    private static final Logger log = LoggerFactory.getLogger(ChannelHealth.class);
    private static final long MINUTE = 60;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Long, Long> webhookMinuteWritten = new ConcurrentHashMap<>();
    private final Map<Long, Long> tokenMinuteCleared = new ConcurrentHashMap<>();

    ChannelHealth(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A webhook change for the number arrived now. */
    void webhookReceived(long numberId) {
        Instant now = clock.instant();
        if (firstThisMinute(webhookMinuteWritten, numberId, now)) {
            write("""
                    INSERT INTO channel_health (number_id, last_webhook_at) VALUES (?, ?)
                    ON CONFLICT (number_id) DO UPDATE
                       SET last_webhook_at = GREATEST(channel_health.last_webhook_at, EXCLUDED.last_webhook_at)
                    """, numberId, Timestamp.from(now));
        }
    }

    /** Meta refused the access token on a call for the number (error 190). */
    void tokenRejected(long numberId, String message) {
        tokenMinuteCleared.remove(numberId);
        write("""
                INSERT INTO channel_health (number_id, token_rejected_at, token_rejected_message) VALUES (?, ?, ?)
                ON CONFLICT (number_id) DO UPDATE
                   SET token_rejected_at = EXCLUDED.token_rejected_at,
                       token_rejected_message = EXCLUDED.token_rejected_message
                """, numberId, Timestamp.from(clock.instant()), message);
    }

    /** Meta took a message of the number: the token works (checked against the table at most once a minute). */
    void tokenAccepted(long numberId) {
        if (firstThisMinute(tokenMinuteCleared, numberId, clock.instant())) {
            write("""
                    UPDATE channel_health SET token_rejected_at = NULL, token_rejected_message = NULL
                     WHERE number_id = ? AND token_rejected_at IS NOT NULL
                    """, numberId);
        }
    }

    private static boolean firstThisMinute(Map<Long, Long> written, long numberId, Instant now) {
        long minute = now.getEpochSecond() / MINUTE;
        Long previous = written.put(numberId, minute);
        return previous == null || previous != minute;
    }

    /** The health is a side record: failing to write it never fails the webhook or the send it was noted on. */
    private void write(String sql, Object... args) {
        try {
            jdbc.update(sql, args);
        } catch (DataAccessException e) {
            log.warn("Could not record the channel's health: {}", e.getMessage());
        }
    }
}
