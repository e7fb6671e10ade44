package br.com.balcao.desk;

import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;
import java.time.ZoneId;

/** The open ticket's header: who, where, in what state, and who serves it. */
record DeskTicketHeader(long id, long ticketNumber, TicketStatus status, long numberId, String numberName,
        ZoneId zone, long contactId, String contactName, String contactPhone, Long agentId, String agentName,
        Instant createdAt, boolean openedByActiveMessage) {
}
