package br.com.balcao.conversations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A message found by content, with the matching words marked in a snippet. */
public record MessageHit(long messageId, long contactId, String contactName, String contactPhone, String numberName,
        ZoneId zone, boolean inbound, Instant createdAt, List<Highlighted> snippet) {
}
