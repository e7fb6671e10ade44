package br.com.balcao.conversations;

import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;

/** Where a contact's conversation stands for the user looking at it. */
public enum ConversationState {
    /** In service (assigned or open) by the user. */
    BY_ME,
    /** In service by another agent. */
    BY_OTHER,
    /** Waiting in the number's queue. */
    IN_QUEUE,
    /** No ticket in service, and the customer wrote within the last 24 hours. */
    NOT_IN_SERVICE,
    /** No ticket in service, and the customer has not written for 24 hours (or never did). */
    WINDOW_EXPIRED;

    static ConversationState of(TicketStatus unclosedStatus, Long agentId, long userId, Instant windowClosesAt,
                                Instant now) {
        if (unclosedStatus != null && unclosedStatus.withAgent()) {
            return agentId != null && agentId == userId ? BY_ME : BY_OTHER;
        }
        if (unclosedStatus == TicketStatus.WAITING) {
            return IN_QUEUE;
        }
        return windowClosesAt != null && windowClosesAt.isAfter(now) ? NOT_IN_SERVICE : WINDOW_EXPIRED;
    }
}
