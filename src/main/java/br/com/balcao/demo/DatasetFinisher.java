package br.com.balcao.demo;

import br.com.balcao.demo.DemoDataset.Note;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Gives ids in time order (tickets and messages read naturally by id), per-number ticket numbers, delivery
 * statuses, the contacts' timestamps from their messages, and notes.
 */
final class DatasetFinisher {

    private final Random random;

    DatasetFinisher(Random random) {
        this.random = random;
    }

    void finish(DemoDataset data) {
        numberTickets(data);
        numberMessages(data);
        dateContacts(data);
        addNotes(data);
    }

    private void numberTickets(DemoDataset data) {
        data.tickets.sort(Comparator.comparing(ticket -> ticket.createdAt));
        Map<Long, Long> lastNumbers = new HashMap<>();
        long id = 0;
        for (DemoTicket ticket : data.tickets) {
            ticket.id = ++id;
            ticket.ticketNumber = lastNumbers.merge(ticket.number.id(), 1L, Long::sum);
        }
    }

    private void numberMessages(DemoDataset data) {
        data.messages.sort(Comparator.comparing(message -> message.createdAt));
        long id = 0;
        for (DemoMessage message : data.messages) {
            message.id = ++id;
            message.settleDelivery(data.now, random);
        }
    }

    /** Contacts exist from their first message (some were imported earlier); the rest were imported, silent. */
    private void dateContacts(DemoDataset data) {
        Map<DemoContact, DemoMessage> firstMessages = new HashMap<>();
        for (DemoMessage message : data.messages) {
            DemoContact contact = message.contact;
            firstMessages.putIfAbsent(contact, message);
            contact.lastInteractionAt = message.createdAt;
            if (message.inbound()) {
                contact.lastInboundAt = message.createdAt;
            }
        }
        for (DemoContact contact : data.contacts) {
            DemoMessage first = firstMessages.get(contact);
            if (first == null) {
                contact.createdAt = data.now.minus(Duration.ofMinutes(7_000 + random.nextInt(570_000)));
            } else if (!first.inbound() || random.nextInt(100) < 20) {
                contact.createdAt = first.createdAt.minus(Duration.ofMinutes(60 + random.nextInt(400_000)));
            } else {
                contact.createdAt = first.createdAt;
            }
        }
        data.contacts.sort(Comparator.comparing(contact -> contact.createdAt));
        long id = 0;
        for (DemoContact contact : data.contacts) {
            contact.id = ++id;
        }
    }

    private void addNotes(DemoDataset data) {
        for (DemoTicket ticket : data.tickets) {
            if (ticket.firstResponseAt != null && random.nextInt(100) < 4) {
                Instant end = ticket.closedAt == null ? data.now : ticket.closedAt;
                data.notes.add(new Note(ticket, null, ticket.agentId, note(), between(ticket.firstResponseAt, end)));
            }
        }
        for (DemoContact contact : data.contacts) {
            if (contact.lastInteractionAt != null && random.nextInt(100) < 3) {
                long author = random.nextBoolean() ? DemoCatalog.MANAGER
                        : DemoCatalog.number(contact.numberId).activeMessageAgents().get(0);
                data.notes.add(new Note(null, contact, author, note(), between(contact.lastInteractionAt, data.now)));
            }
        }
        data.notes.sort(Comparator.comparing(Note::createdAt));
    }

    private String note() {
        return ChatScripts.NOTES.get(random.nextInt(ChatScripts.NOTES.size()));
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).getSeconds());
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }
}
