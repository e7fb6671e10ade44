package br.com.balcao.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** A scheduled message as the pages and the job read it. */
public record ScheduledMessage(long id, long numberId, String numberName, ZoneId zone, long contactId,
        String contactName, String contactPhone, long authorId, String authorName, String body,
        LocalDateTime firstLocal, int occurrence, Instant dueAt, Repetition repetition, Long templateId,
        String templateName, List<String> values, ScheduleStatus status, String lastResult, Instant lastRunAt) {

    public boolean editable() {
        return status == ScheduleStatus.SCHEDULED;
    }

    /** The due time as the number's clock shows it. */
    public LocalDateTime localDue() {
        return LocalDateTime.ofInstant(dueAt, zone);
    }
}
