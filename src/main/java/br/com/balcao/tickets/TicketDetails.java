package br.com.balcao.tickets;

import br.com.balcao.contacts.ContactActivity;
import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.contacts.NoteForm;
import br.com.balcao.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import br.com.balcao.tickets.TicketEvents.DetailsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What hangs on a ticket besides its messages: its tags and the notes users write on it or on its contact.
 * The pages check who may see the ticket (the access policy); these methods check the ticket's state.
 */
@Service
@Transactional(readOnly = true)
public class TicketDetails {

    /** The longest note, in characters. */
    public static final int MAX_NOTE = NoteForm.MAX;

    private final JdbcTemplate jdbc;
    private final TicketRepository tickets;
    private final TagRepository tags;
    private final NoteRepository notes;
    private final ContactDirectory contacts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TicketDetails(JdbcTemplate jdbc, TicketRepository tickets, TagRepository tags, NoteRepository notes,
                  ContactDirectory contacts, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.tags = tags;
        this.notes = notes;
        this.contacts = contacts;
        this.clock = clock;
        this.events = events;
    }

    /** A tag as the pages show it: its name and its colour as "#rrggbb". */
    public record TagView(long id, String name, String color) {
    }

    /** Every tag, by name. */
    public List<TagView> allTags() {
        return jdbc.query("SELECT id, name, color FROM tags ORDER BY lower(name), id", TicketDetails::tag);
    }

    /** The ticket's tags, by name. */
    public List<TagView> tagsOf(long ticketId) {
        return jdbc.query("""
                SELECT g.id, g.name, g.color FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
                 WHERE tt.ticket_id = ? ORDER BY lower(g.name), g.id
                """, TicketDetails::tag, ticketId);
    }

    /**
     * Puts a tag on a ticket that is not closed (a closed ticket keeps the tags it was closed with).
     * Adding a tag the ticket already carries changes nothing.
     *
     * @throws TicketConflictException "closed" when the ticket is closed
     * @throws NotFoundException when the ticket or the tag does not exist
     */
    @Transactional
    public void addTag(long ticketId, long tagId) {
        Ticket ticket = unclosed(ticketId);
        Tag tag = tags.findById(tagId).orElseThrow(() -> new NotFoundException("tag " + tagId));
        if (ticket.addTag(tag)) {
            events.publishEvent(changed(ticket));
        }
    }

    /**
     * Takes a tag off a ticket that is not closed.
     *
     * @throws TicketConflictException "closed" when the ticket is closed
     */
    @Transactional
    public void removeTag(long ticketId, long tagId) {
        Ticket ticket = unclosed(ticketId);
        if (ticket.removeTag(tagId)) {
            events.publishEvent(changed(ticket));
        }
    }

    /**
     * The notes a user should read next to any ticket of a contact, newest first: those on the contact and
     * on each of the contact's tickets (at most {@code limit}).
     */
    public List<ContactActivity.Note> notesOfContact(long contactId, int limit) {
        return jdbc.query("""
                SELECT n.id, n.ticket_id, t.ticket_number, u.name AS author_name, n.body, n.created_at
                  FROM (SELECT c.* FROM notes c WHERE c.contact_id = ?
                        UNION
                        SELECT o.* FROM notes o JOIN tickets ot ON ot.id = o.ticket_id WHERE ot.contact_id = ?) n
                  JOIN app_users u ON u.id = n.author_id
                  LEFT JOIN tickets t ON t.id = n.ticket_id
                 ORDER BY n.created_at DESC, n.id DESC
                 LIMIT ?
                """, TicketDetails::note, contactId, contactId, limit);
    }

    /** Whether the text fits a note: 1 to {@link #MAX_NOTE} characters besides the surrounding blanks. */
    private static boolean validNote(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String body = text.strip();
        return body.codePointCount(0, body.length()) <= MAX_NOTE;
    }

    /** A note on the ticket (also listed with its contact's notes). Returns its id. */
    @Transactional
    public long noteOnTicket(long ticketId, long authorId, String text) {
        requireValid(text);
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket " + ticketId));
        long id = notes.save(Note.onTicket(ticketId, ticket.getContactId(), authorId, text.strip(), clock.instant()))
                .getId();
        events.publishEvent(changed(ticket));
        return id;
    }

    /** A note on the contact, shown with every ticket of theirs. Returns its id. */
    @Transactional
    public long noteOnContact(long contactId, long authorId, String text) {
        requireValid(text);
        long numberId = contacts.find(contactId).map(ContactView::numberId)
                .orElseThrow(() -> new NotFoundException("contact " + contactId));
        long id = notes.save(Note.onContact(contactId, authorId, text.strip(), clock.instant())).getId();
        events.publishEvent(new DetailsChanged(numberId, contactId, null));
        return id;
    }

    /** The ticket, locked. */
    private Ticket unclosed(long ticketId) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new NotFoundException("ticket " + ticketId));
        if (ticket.isClosed()) {
            throw new TicketConflictException("closed");
        }
        return ticket;
    }

    private static DetailsChanged changed(Ticket ticket) {
        return new DetailsChanged(ticket.getNumberId(), ticket.getContactId(), ticket.getId());
    }

    private static void requireValid(String text) {
        if (!validNote(text)) {
            throw new IllegalArgumentException("a note has 1 to " + MAX_NOTE + " characters");
        }
    }

    private static TagView tag(ResultSet row, int index) throws SQLException {
        return new TagView(row.getLong("id"), row.getString("name"), row.getString("color"));
    }

    private static ContactActivity.Note note(ResultSet row, int index) throws SQLException {
        return new ContactActivity.Note(row.getLong("id"), (Long) row.getObject("ticket_id"),
                (Long) row.getObject("ticket_number"), row.getString("author_name"), row.getString("body"),
                row.getTimestamp("created_at").toInstant());
    }
}
