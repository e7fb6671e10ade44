package br.com.balcao.desk;

import java.time.Instant;
import java.time.ZoneId;

/** A ticket waiting in the queue, as the Desk's queue list shows it. */
public record QueuedTicket(long id, long ticketNumber, long numberId, String numberName, ZoneId zone,
                           String contactName, String contactPhone, Instant waitingSince) {
}
