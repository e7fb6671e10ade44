package br.com.balcao.channel;

import java.util.List;

/**
 * One {@code entry[].changes[]} of a webhook envelope: what happened on one business number, or (with no number)
 * a template's new status in a WhatsApp Business Account.
 */
record WebhookChange(String phoneNumberId, List<InboundMessage> messages, List<StatusUpdate> statuses,
        List<InboundReaction> reactions, TemplateStatusUpdate templateStatus) {

    WebhookChange(String phoneNumberId, List<InboundMessage> messages, List<StatusUpdate> statuses) {
        this(phoneNumberId, messages, statuses, List.of(), null);
    }

    WebhookChange(String phoneNumberId, List<InboundMessage> messages, List<StatusUpdate> statuses,
                  List<InboundReaction> reactions) {
        this(phoneNumberId, messages, statuses, reactions, null);
    }

    static WebhookChange of(TemplateStatusUpdate templateStatus) {
        return new WebhookChange(null, List.of(), List.of(), List.of(), templateStatus);
    }
}
