package br.com.balcao.tickets;

import java.util.List;

/** A message claimed for sending: what the gateway needs to put it on WhatsApp. */
public record OutboundMessage(long id, long numberId, long contactId, String recipientWaId, MessageType type,
        String text, String templateName, String templateLanguage, List<String> templateParameters, int attempt) {
}
