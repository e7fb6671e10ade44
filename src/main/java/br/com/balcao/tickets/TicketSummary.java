package br.com.balcao.tickets;

import java.time.Instant;

/** One line of a ticket list; {@code satisfaction} is the survey's answer, null when none. */
public record TicketSummary(long id, long ticketNumber, TicketStatus status, CloseReason closeReason,
        String agentName, Instant createdAt, Instant closedAt, Satisfaction satisfaction) {
}
