package br.com.balcao.channel;

import br.com.balcao.numbers.NumberView;
import java.time.Duration;
import java.time.Instant;

/**
 * A number's line on the channel-health panel: the last webhook received (and how long ago), the sends that failed
 * in the last hour, whether Meta refuses the token, the templates Meta paused, and whether the number is silent for
 * an unusual time (see {@link ChannelSilence}).
 */
record NumberHealth(NumberView number, Instant lastWebhookAt, Duration sinceLastWebhook, long failuresLastHour,
        Instant tokenRejectedAt, String tokenRejectedMessage, long templatesPaused, boolean silent) {

    /** The message key of the time since the last webhook: "now", minutes, hours or days. */
    public String agoKey() {
        if (sinceLastWebhook == null) {
            return "channelHealth.never";
        }
        if (sinceLastWebhook.toMinutes() < 1) {
            return "channelHealth.ago.now";
        }
        return sinceLastWebhook.toHours() < 1 ? "channelHealth.ago.minutes"
                : sinceLastWebhook.toDays() < 1 ? "channelHealth.ago.hours" : "channelHealth.ago.days";
    }

    /** The count the {@link #agoKey()} sentence takes. */
    public long agoValue() {
        if (sinceLastWebhook == null) {
            return 0;
        }
        return sinceLastWebhook.toHours() < 1 ? sinceLastWebhook.toMinutes()
                : sinceLastWebhook.toDays() < 1 ? sinceLastWebhook.toHours() : sinceLastWebhook.toDays();
    }

    public boolean tokenRejected() {
        return tokenRejectedAt != null;
    }
}
