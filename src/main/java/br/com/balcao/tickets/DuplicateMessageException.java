package br.com.balcao.tickets;

/**
 * A delivery of the same customer message was stored first, at the same moment. Thrown to roll back the
 * transaction that handled this delivery (its ticket, replies and events included); nothing is lost.
 */
public class DuplicateMessageException extends RuntimeException {

    public DuplicateMessageException(String wamid) {
        super("message " + wamid + " is already stored", null, false, false);
    }
}
