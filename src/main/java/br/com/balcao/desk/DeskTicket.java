package br.com.balcao.desk;

import br.com.balcao.tickets.Direction;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;

/** One line of the agent's ticket list. */
public record DeskTicket(long id, long ticketNumber, TicketStatus status, long numberId, String numberName,
        ZoneId zone, long contactId, String contactName, String contactPhone, String lastText, MessageType lastType,
        Direction lastDirection, Instant lastAt, long unread) {

    /** The customer wrote last: the ticket waits for the agent. */
    public boolean awaitingReply() {
        return lastDirection == Direction.INBOUND;
    }
}
