package br.com.balcao.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One contact's stretch of conversation: its tickets, messages and after-hours record, if any. */
final class Episode {

    final DemoContact contact;
    final Instant start;
    final List<DemoTicket> tickets = new ArrayList<>();
    final List<DemoMessage> messages = new ArrayList<>();
    DemoDataset.AfterHoursContact afterHours;
    Instant busyUntil;

    Episode(DemoContact contact, Instant start) {
        this.contact = contact;
        this.start = start;
    }

    void add(DemoTicket ticket) {
        tickets.add(ticket);
    }

    void add(Conversation conversation) {
        messages.addAll(conversation.messages());
    }

    void merge(Episode other) {
        tickets.addAll(other.tickets);
        messages.addAll(other.messages);
    }

    /** The last moment anything happened: a message or a ticket closing. */
    Instant lastActivity() {
        Instant last = start;
        for (DemoMessage message : messages) {
            last = max(last, message.createdAt);
        }
        for (DemoTicket ticket : tickets) {
            if (ticket.closedAt != null) {
                last = max(last, ticket.closedAt);
            }
        }
        return last;
    }

    /** Until when the contact is taken: open tickets and after-hours episodes keep it longer. */
    Instant end() {
        return busyUntil == null ? lastActivity() : max(busyUntil, lastActivity());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
