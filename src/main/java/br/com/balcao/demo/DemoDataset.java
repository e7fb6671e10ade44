package br.com.balcao.demo;

import br.com.balcao.demo.DemoCatalog.DemoNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything the generator made, in memory, before it is written. */
final class DemoDataset {

    record AfterHoursContact(DemoNumber number, DemoContact contact, Instant firstContactAt, Instant nextOpeningAt,
                             String returnRequested, Instant activeMessageSentAt, Long activeMessageSentBy) {
    }

    record Note(DemoTicket ticket, DemoContact contact, long authorId, String body, Instant createdAt) {
    }

    record StatusChange(long userId, String status, Instant changedAt) {
    }

    final Instant now;
    final List<DemoContact> contacts = new ArrayList<>();
    final List<DemoTicket> tickets = new ArrayList<>();
    final List<DemoMessage> messages = new ArrayList<>();
    final List<AfterHoursContact> afterHours = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    final List<StatusChange> statusChanges = new ArrayList<>();

    DemoDataset(Instant now) {
        this.now = now;
    }

    void add(Episode episode) {
        tickets.addAll(episode.tickets);
        messages.addAll(episode.messages);
        if (episode.afterHours != null) {
            afterHours.add(episode.afterHours);
        }
    }
}
