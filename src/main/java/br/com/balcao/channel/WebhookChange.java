package br.com.balcao.channel;

import java.util.List;

/** One {@code entry[].changes[]} of a webhook envelope: what happened on one business number. */
record WebhookChange(String phoneNumberId, List<InboundMessage> messages, List<StatusUpdate> statuses,
        List<InboundReaction> reactions) {

    WebhookChange(String phoneNumberId, List<InboundMessage> messages, List<StatusUpdate> statuses) {
        this(phoneNumberId, messages, statuses, List.of());
    }
}
