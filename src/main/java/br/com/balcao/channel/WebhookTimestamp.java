package br.com.balcao.channel;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The time of a message or status of a webhook: Meta's {@code timestamp} when it is plausible, otherwise the
 * time the webhook was received, with Meta's value kept aside. A message dated in the year 9999 would stay
 * last in every list and skew the waiting times, and one beyond PostgreSQL's range failed the whole envelope.
 *
 * @param at          the time the app orders and counts by
 * @param implausible Meta's timestamp (Unix seconds) when {@code at} is the receive time instead; null otherwise
 */
record WebhookTimestamp(Instant at, Long implausible) {

    /** WhatsApp did not exist before 2009. */
    private static final Instant EARLIEST = Instant.parse("2009-01-01T00:00:00Z");
    /** How far ahead of this app's clock Meta's may be. */
    private static final Duration MAX_AHEAD = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(WebhookTimestamp.class);

    private static WebhookTimestamp of(long unixSeconds, Instant receivedAt) {
        if (unixSeconds < EARLIEST.getEpochSecond() || unixSeconds > receivedAt.plus(MAX_AHEAD).getEpochSecond()) {
            return new WebhookTimestamp(receivedAt, unixSeconds);
        }
        return new WebhookTimestamp(Instant.ofEpochSecond(unixSeconds), null);
    }

    /** The item's {@code timestamp}: Unix seconds as a string or a number; an implausible one is logged. */
    static WebhookTimestamp read(JsonNode item, String path, Instant receivedAt) {
        WebhookTimestamp timestamp = of(unixSeconds(item, path), receivedAt);
        if (timestamp.implausible() != null) {
            log.warn("{}.timestamp {} is implausible; the time received stands in for it", path,
                    timestamp.implausible());
        }
        return timestamp;
    }

    private static long unixSeconds(JsonNode item, String path) {
        JsonNode value = item.get("timestamp");
        try {
            if (value != null && value.isString()) {
                return Long.parseLong(value.stringValue());
            }
            if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
                return value.longValue();
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new MalformedWebhookException(path + ".timestamp is not Unix seconds");
    }
}
