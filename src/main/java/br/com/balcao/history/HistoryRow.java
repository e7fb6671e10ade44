package br.com.balcao.history;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.Satisfaction;
import br.com.balcao.tickets.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One ticket of the history list and of its CSV export; {@code satisfaction} (and the customer's comment on it) is null when not answered. */
record HistoryRow(long id, long ticketNumber, String contactName, String contactPhone, String agentName,
                  Instant createdAt, Instant closedAt, TicketStatus status, CloseReason reason, List<TagLabel> tags,
                  Satisfaction satisfaction, String satisfactionComment) {

    /** From entering the queue to closing; null while the ticket is not closed. */
    public Duration duration() {
        return closedAt == null ? null : Duration.between(createdAt, closedAt);
    }

    public String durationText() {
        return DurationText.format(duration());
    }
}
