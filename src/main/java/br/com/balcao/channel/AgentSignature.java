package br.com.balcao.channel;

import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.OutboundMessage;
import java.util.Set;

/**
 * An agent's message signed with the agent's name, bold on its first line ({@code *Ana:*}), for the numbers that
 * sign (business_numbers.sign_messages). Only what an agent wrote is signed: a text, or a media caption when there
 * is one; automation (no author) and templates (Meta approved their text) are not. The message is stored as the
 * agent typed it: the signature exists only on the wire.
 */
final class AgentSignature {

    /** WhatsApp's longest text body and media caption; a signature that would pass them is left off. */
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    private static final Set<MessageType> CAPTIONED = Set.of(MessageType.IMAGE, MessageType.VIDEO, MessageType.DOCUMENT);

    private AgentSignature() {
    }

    static OutboundMessage sign(OutboundMessage message) {
        String author = message.authorName() == null ? "" : message.authorName().strip();
        if (author.isEmpty()) {
            return message;
        }
        if (message.type() == MessageType.TEXT) {
            return withText(message, signed(author, message.text(), MAX_TEXT), message.mediaCaption());
        }
        if (CAPTIONED.contains(message.type()) && message.mediaCaption() != null && !message.mediaCaption().isBlank()) {
            return withText(message, message.text(), signed(author, message.mediaCaption(), MAX_CAPTION));
        }
        return message;
    }

    private static String signed(String author, String text, int max) {
        String signed = "*" + author.replace("*", "") + ":*\n" + text;
        return signed.length() <= max ? signed : text;
    }

    private static OutboundMessage withText(OutboundMessage m, String text, String caption) {
        return new OutboundMessage(m.id(), m.numberId(), m.contactId(), m.recipientWaId(), m.type(), text,
                m.templateName(), m.templateLanguage(), m.templateParameters(), m.attempt(), m.mediaFileId(), caption,
                m.voice(), m.contextWamid(), m.authorName());
    }
}
