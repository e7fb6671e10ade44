package br.com.balcao.conversations;

import br.com.balcao.shared.TimeShown;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A message found by content, with the matching words marked in a snippet. */
public record MessageHit(long messageId, long contactId, String contactName, String contactPhone, String numberName,
        ZoneId zone, boolean inbound, Instant createdAt, List<Highlighted> snippet) {

    public String createdAtShown() {
        return TimeShown.dateTime(createdAt, zone);
    }

    /** Without the year, for the matches inside one timeline of 90 days. */
    public String createdAtShort() {
        return TimeShown.dayMonthTime(createdAt, zone);
    }
}
