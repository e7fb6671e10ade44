package br.com.balcao.channel;

import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundReaction;
import java.util.Optional;

/** Puts one outbound message on WhatsApp. Implementations answer with a result and never throw for Meta's errors. */
public interface WhatsAppGateway {

    /** Sends {@code message} from the business number Meta knows as {@code phoneNumberId}. */
    SendResult send(String phoneNumberId, OutboundMessage message);

    /**
     * Puts the business's reaction on a customer's message (an empty emoji takes it back). A gateway that cannot
     * react refuses it.
     */
    default SendResult react(String phoneNumberId, OutboundReaction reaction) {
        return new SendResult.PermanentFailure(null, "This gateway does not send reactions");
    }

    /** The media file WhatsApp knows by {@code mediaId}; empty when it has none (expired, unknown, unreachable). */
    Optional<MediaFile> media(String mediaId);

    /** Tells WhatsApp the customer's message {@code wamid} was read (blue ticks); false when it was not taken. */
    boolean markRead(String phoneNumberId, String wamid);

    /** Shows the customer "typing…" under their message {@code wamid} (which WhatsApp marks read too). */
    boolean showTyping(String phoneNumberId, String wamid);
}
