package br.com.balcao.channel;

/** What WhatsApp answered to one send: accepted, worth another try, or refused for good. */
public sealed interface SendResult {

    /** WhatsApp took the message; later statuses name it by this wamid. */
    record Accepted(String wamid) implements SendResult {
    }

    /**
     * A passing failure (429, 5xx, network, timeout, or one of Meta's codes that {@code tickets.MetaErrors} calls
     * retryable): the same message may succeed later. {@code code} is Meta's, if any, kept when the tries run out.
     */
    record RetryableFailure(Integer code, String description) implements SendResult {

        RetryableFailure(String description) {
            this(null, description);
        }
    }

    /** WhatsApp refused the message (4xx other than 429); {@code code} is Meta's {@code error.code}, if any. */
    record PermanentFailure(Integer code, String message) implements SendResult {
    }
}
