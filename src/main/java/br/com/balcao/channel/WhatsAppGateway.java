package br.com.balcao.channel;

import br.com.balcao.tickets.OutboundMessage;

/** Puts one outbound message on WhatsApp. Implementations answer with a result and never throw for Meta's errors. */
public interface WhatsAppGateway {

    /** Sends {@code message} from the business number Meta knows as {@code phoneNumberId}. */
    SendResult send(String phoneNumberId, OutboundMessage message);
}
