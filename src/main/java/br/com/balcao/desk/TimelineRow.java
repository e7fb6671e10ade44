package br.com.balcao.desk;

import br.com.balcao.shared.TimeShown;
import br.com.balcao.tickets.QuotedMessage;
import br.com.balcao.tickets.Reaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message as a timeline lays it out, worked out once in Java rather than in the template's expressions
 * (a page has fifty of them): whether it opens a ticket's group, the day it opens (null when it is the same
 * day as the message above), its time of day in the number's zone, its delivery tick, and WhatsApp's own time
 * when that was implausible. The first message of a page opens both, as the page may be put above or below
 * others. {@code quote} is the message it replies to (null: none), {@code reactions} the emoji on it.
 */
public record TimelineRow(TimelineMessage message, boolean ticketStart, String day, String time, String statusIcon,
        String whatsappTime, QuotedMessage quote, List<Reaction> reactions) {

    public TimelineRow(TimelineMessage message, boolean ticketStart, String day, String time, String statusIcon,
            String whatsappTime) {
        this(message, ticketStart, day, time, statusIcon, whatsappTime, null, List.of());
    }

    public static List<TimelineRow> of(List<TimelineMessage> messages, ZoneId zone) {
        return of(messages, Map.of(), Map.of(), zone);
    }

    /** The rows, with the quotes and reactions read for the page ({@link TimelineRows}). */
    static List<TimelineRow> of(List<TimelineMessage> messages, Map<Long, QuotedMessage> quotes,
                                Map<Long, List<Reaction>> reactions, ZoneId zone) {
        List<TimelineRow> rows = new ArrayList<>(messages.size());
        TimelineMessage previous = null;
        LocalDate previousDay = null;
        for (TimelineMessage message : messages) {
            var at = message.createdAt().atZone(zone);
            LocalDate day = at.toLocalDate();
            boolean ticketStart = previous == null || !previous.ticketKey().equals(message.ticketKey());
            rows.add(new TimelineRow(message, ticketStart, day.equals(previousDay) ? null : TimeShown.day(day),
                    TimeShown.time(at), statusIcon(message),
                    message.implausibleTimestamp() == null ? null : message.whatsappTime(zone),
                    quotes.get(message.id()), reactions.getOrDefault(message.id(), List.of())));
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
            case PENDING -> "bi-clock";
            case SENT -> "bi-check2";
            case DELIVERED -> "bi-check2-all";
            case READ -> "bi-check2-all text-info";
            case FAILED -> "bi-exclamation-circle-fill text-danger";
        };
    }
}
