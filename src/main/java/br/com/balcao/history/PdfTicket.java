package br.com.balcao.history;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.Satisfaction;
import br.com.balcao.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The header of a ticket's PDF: the ticket, its number, contact and agent, read in one statement; the customer's
 * answer to the satisfaction survey and their comment, or null.
 */
record PdfTicket(long id, long ticketNumber, long numberId, String numberName, String numberPhone, ZoneId zone,
                 String contactName, String contactPhone, String agentName, TicketStatus status, CloseReason reason,
                 Instant createdAt, Instant closedAt, List<String> tags, Satisfaction satisfaction,
                 String satisfactionComment) {

    Duration duration() {
        return closedAt == null ? null : Duration.between(createdAt, closedAt);
    }
}
