package br.com.balcao.conversations;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every Conversations page says about how far back it reaches. */
@ControllerAdvice(assignableTypes = {ConversationSearchController.class, ConversationController.class,
        TransferRequestController.class})
class ConversationsModel {

    private final ConversationsProperties properties;

    ConversationsModel(ConversationsProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("retentionDays")
    long retentionDays() {
        return properties.retention().toDays();
    }
}
