package br.com.balcao.contacts;

import java.time.Instant;
import java.util.List;

/**
 * What the contact page shows of the contact's service: their tickets of a period (and any still open) with
 * their message counts, their latest messages of the period, and the notes on them. The tickets module owns
 * those and answers it, so that contacts does not depend on tickets (tickets depends on contacts).
 */
public interface ContactActivity {

    int MAX_TICKETS = 200;
    int LATEST_MESSAGES = 30;

    /** A ticket: its status and close reason by name ("CLOSED", "ATTENDANT"), as the page's message keys use them. */
    record TicketLine(long id, long ticketNumber, String status, String closeReason, String agentName,
            Instant createdAt, Instant closedAt, long messages, boolean open) {
    }

    record Interaction(long id, Long ticketId, boolean inbound, String authorType, String authorName, String type,
            String text, Instant at) {
    }

    /**
     * A note, with its author's name; ticketId and ticketNumber are those of the ticket it was written on, or null
     * for a note on the contact.
     */
    record Note(long id, Long ticketId, Long ticketNumber, String authorName, String body, Instant createdAt) {

        public boolean onContact() {
            return ticketId == null;
        }
    }

    /** The contact's tickets created since then or not closed, newest first, at most {@link #MAX_TICKETS}. */
    List<TicketLine> tickets(long contactId, Instant since);

    /** The contact's messages since then, newest first, at most {@link #LATEST_MESSAGES}. */
    List<Interaction> latestMessages(long contactId, Instant since);

    /** The notes on the contact and on their tickets, newest first. */
    List<Note> notes(long contactId, int limit);

    /** A note on the contact by the user. */
    void addNote(long contactId, long authorId, String text);
}
