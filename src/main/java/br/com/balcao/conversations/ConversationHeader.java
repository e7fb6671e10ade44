package br.com.balcao.conversations;

import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The contact page's header and what decides its composer: the contact's unclosed ticket (if any) and who
 * serves it, whether any message lies within the retention period, and the transfer requests on that ticket.
 */
public record ConversationHeader(long contactId, String contactName, String contactPhone, long numberId, String numberName,
        ZoneId zone, Long ticketId, Long ticketNumber, TicketStatus ticketStatus, Long agentId, String agentName,
        Instant ticketCreatedAt, boolean openedByActiveMessage, boolean hasHistory, Long pendingRequestId,
        Long pendingRequesterId, String pendingRequesterName, boolean declinedForUser) {

    boolean inService() {
        return ticketStatus != null && ticketStatus.withAgent();
    }

    boolean servedBy(long userId) {
        return inService() && agentId != null && agentId == userId;
    }

    boolean requestedBy(long userId) {
        return pendingRequesterId != null && pendingRequesterId == userId;
    }
}
