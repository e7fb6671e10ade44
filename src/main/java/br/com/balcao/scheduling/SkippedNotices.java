package br.com.balcao.scheduling;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notices an author sees on the Desk when an occurrence of their scheduled message was not sent (e.g. the
 * 24-hour window was closed and no template was chosen): up until the author dismisses them, the newest first.
 * The sender announces each skip live, so the Desk shows it at once.
 */
@Component
record SkippedNotices(JdbcTemplate jdbc) {

    /** The live event's kind; its agentId is the author. */
    static final String KIND = "ScheduledMessageSkipped";
    static final int MOST_SHOWN = 5;

    /** One skipped occurrence: whose contact, which number, why (the list's {@code last_result}) and when (its zone). */
    record Notice(long id, long contactId, String contactName, String contactPhone, String numberName, String result,
                  ZonedDateTime at) {
    }

    List<Notice> of(long authorId) {
        return jdbc.query("""
                SELECT s.id, s.contact_id, c.name, c.phone_e164, n.name AS number_name, n.time_zone, s.last_result,
                       s.last_run_at
                  FROM scheduled_messages s
                  JOIN contacts c ON c.id = s.contact_id
                  JOIN business_numbers n ON n.id = s.number_id
                 WHERE s.author_id = ? AND s.last_result LIKE 'skipped-%'
                   AND (s.skip_dismissed_at IS NULL OR s.last_run_at > s.skip_dismissed_at)
                 ORDER BY s.last_run_at DESC
                 LIMIT ?""", (row, i) -> new Notice(row.getLong("id"), row.getLong("contact_id"), row.getString("name"),
                row.getString("phone_e164"), row.getString("number_name"), row.getString("last_result"),
                row.getTimestamp("last_run_at").toInstant().atZone(ZoneId.of(row.getString("time_zone")))), authorId, MOST_SHOWN);
    }

    /** The author has seen it; a later skip of the same (repeating) message shows again. Others' are left alone. */
    void dismiss(long scheduledId, long authorId) {
        jdbc.update("UPDATE scheduled_messages SET skip_dismissed_at = last_run_at WHERE id = ? AND author_id = ?",
                scheduledId, authorId);
    }
}
