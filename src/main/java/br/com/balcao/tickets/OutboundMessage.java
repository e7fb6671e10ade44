package br.com.balcao.tickets;

import br.com.balcao.templates.HeaderMedia;
import br.com.balcao.templates.TemplateHeader;
import java.util.List;

/**
 * A message claimed for sending: what the gateway needs to put it on WhatsApp. A media message names the file
 * the app keeps ({@code mediaFileId}); {@code contextWamid} is the message it replies to, if any;
 * {@code authorName} is the agent who wrote it (null for automation). A template's {@code templateParameters} fill
 * its body; {@code templateHeader} (null when none) fills its header. A text with {@code replyButtons} goes as an
 * interactive message whose buttons the customer taps (the satisfaction survey).
 */
public record OutboundMessage(long id, long numberId, long contactId, String recipientWaId, MessageType type,
        String text, String templateName, String templateLanguage, List<String> templateParameters, int attempt,
        Long mediaFileId, String mediaCaption, boolean voice, String contextWamid, String authorName,
        TemplateHeader templateHeader, List<ReplyButton> replyButtons) {

    public OutboundMessage {
        replyButtons = replyButtons == null ? List.of() : List.copyOf(replyButtons);
    }

    /** A message without reply buttons. */
    public OutboundMessage(long id, long numberId, long contactId, String recipientWaId, MessageType type,
            String text, String templateName, String templateLanguage, List<String> templateParameters, int attempt,
            Long mediaFileId, String mediaCaption, boolean voice, String contextWamid, String authorName,
            TemplateHeader templateHeader) {
        this(id, numberId, contactId, recipientWaId, type, text, templateName, templateLanguage, templateParameters,
                attempt, mediaFileId, mediaCaption, voice, contextWamid, authorName, templateHeader, List.of());
    }

    /** A message whose template (if any) has nothing in its header. */
    public OutboundMessage(long id, long numberId, long contactId, String recipientWaId, MessageType type,
            String text, String templateName, String templateLanguage, List<String> templateParameters, int attempt,
            Long mediaFileId, String mediaCaption, boolean voice, String contextWamid, String authorName) {
        this(id, numberId, contactId, recipientWaId, type, text, templateName, templateLanguage, templateParameters,
                attempt, mediaFileId, mediaCaption, voice, contextWamid, authorName, null);
    }

    /** A text or template message, replying to nothing. */
    public OutboundMessage(long id, long numberId, long contactId, String recipientWaId, MessageType type,
            String text, String templateName, String templateLanguage, List<String> templateParameters, int attempt) {
        this(id, numberId, contactId, recipientWaId, type, text, templateName, templateLanguage, templateParameters,
                attempt, null, null, false, null, null, null);
    }

    /** The same message with {@code header} filling its template's header. */
    public OutboundMessage withTemplateHeader(TemplateHeader header) {
        return new OutboundMessage(id, numberId, contactId, recipientWaId, type, text, templateName, templateLanguage,
                templateParameters, attempt, mediaFileId, mediaCaption, voice, contextWamid, authorName, header,
                replyButtons);
    }

    /** The kept file its template's header sends, or null. */
    public HeaderMedia templateHeaderMedia() {
        return templateHeader == null ? null : templateHeader.media();
    }
}
