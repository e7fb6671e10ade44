package br.com.balcao.conversations;

import java.time.Instant;

/** A pending request, as the agent serving the ticket sees it. */
record IncomingTransferRequest(long id, long ticketId, long ticketNumber, long contactId, String contactName,
        String contactPhone, String numberName, String requesterName, Instant createdAt) {
}
