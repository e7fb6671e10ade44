package br.com.balcao.conversations;

import br.com.balcao.shared.TimeShown;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A message as the timeline lays it out, worked out once in Java rather than in the template's expressions
 * (a page has fifty of them): whether it opens a ticket's group, the day it opens (null when it is the same
 * day as the message above) and its time of day, in the number's zone. The first message of a slice opens
 * both, as the slice may be put above or below others.
 */
public record TimelineRow(TimelineMessage message, boolean ticketStart, String day, String time, String statusIcon) {

    static List<TimelineRow> of(List<TimelineMessage> messages, ZoneId zone) {
        List<TimelineRow> rows = new ArrayList<>(messages.size());
        TimelineMessage previous = null;
        LocalDate previousDay = null;
        for (TimelineMessage message : messages) {
            var at = message.createdAt().atZone(zone);
            LocalDate day = at.toLocalDate();
            boolean ticketStart = previous == null || !previous.ticketKey().equals(message.ticketKey());
            rows.add(new TimelineRow(message, ticketStart, day.equals(previousDay) ? null : TimeShown.day(day),
                    TimeShown.time(at), statusIcon(message)));
            previous = message;
            previousDay = day;
        }
        return rows;
    }

    /** The delivery tick of an outbound message (null for inbound ones and those without a status). */
    private static String statusIcon(TimelineMessage message) {
        if (message.inbound() || message.status() == null) {
            return null;
        }
        return switch (message.status()) {
            case FAILED -> "bi-exclamation-circle-fill text-danger";
            case PENDING -> "bi-clock";
            default -> "bi-check2-all";
        };
    }
}
