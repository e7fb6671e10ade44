package br.com.balcao.tickets;

import java.time.Instant;

/** One line of a ticket list. */
public record TicketSummary(long id, long ticketNumber, TicketStatus status, CloseReason closeReason,
        String agentName, Instant createdAt, Instant closedAt) {
}
