package br.com.balcao.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's free-text note on a ticket or on a contact. */
@Entity
@Table(name = "notes")
class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long ticketId;

    @Column(updatable = false)
    private Long contactId;

    @Column(updatable = false)
    private long authorId;

    private String body;

    @Column(updatable = false)
    private Instant createdAt;

    protected Note() {
    }

    private Note(Long ticketId, Long contactId, long authorId, String body, Instant createdAt) {
        this.ticketId = ticketId;
        this.contactId = contactId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = createdAt;
    }

    /** A note on a ticket, also shown on its contact. */
    static Note onTicket(long ticketId, long contactId, long authorId, String body, Instant at) {
        return new Note(ticketId, contactId, authorId, body, at);
    }

    static Note onContact(long contactId, long authorId, String body, Instant at) {
        return new Note(null, contactId, authorId, body, at);
    }

    Long getId() {
        return id;
    }

    Long getTicketId() {
        return ticketId;
    }

    Long getContactId() {
        return contactId;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
