package br.com.balcao.channel;

/** A signed body that is not JSON, or not the envelope Meta documents. */
class MalformedWebhookException extends RuntimeException {

    MalformedWebhookException(String message) {
        super(message);
    }

    MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
