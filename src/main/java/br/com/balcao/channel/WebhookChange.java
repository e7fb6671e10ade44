package br.com.balcao.channel;

import java.util.List;

/** One {@code entry[].changes[]} of a webhook envelope: what happened on one business number. */
record WebhookChange(String phoneNumberId, List<InboundMessage> messages, List<StatusUpdate> statuses) {
}
