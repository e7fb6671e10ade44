package br.com.balcao.history;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;

/** One ticket of a transfer chain (the ticket a transfer closed and the one it opened for the new agent). */
record LinkedTicket(long id, long ticketNumber, String agentName, Instant createdAt, TicketStatus status,
                    CloseReason reason) {
}
