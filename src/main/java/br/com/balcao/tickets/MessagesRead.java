package br.com.balcao.tickets;

import java.util.List;

/**
 * The customer's messages of a ticket its agent has now seen, oldest first, each claimed once: WhatsApp is to be
 * told they were read (the customer's blue ticks). Published in the claiming transaction; act on it after commit.
 */
public record MessagesRead(long numberId, long ticketId, List<String> wamids) {

    public MessagesRead {
        wamids = List.copyOf(wamids);
    }
}
