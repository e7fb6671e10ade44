package br.com.balcao.history;

import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Rows the history tests need beyond {@link TestData}: tickets at a given time, tags, messages, notes. */
@Component
class HistoryFixtures {

    static final Duration SERVICE_TIME = Duration.ofMinutes(42);

    private final JdbcTemplate jdbc;
    private final TestData data;
    private final UserDetailsService users;

    HistoryFixtures(JdbcTemplate jdbc, TestData data, UserDetailsService users) {
        this.jdbc = jdbc;
        this.data = data;
        this.users = users;
    }

    /** A number whose tickets never close by themselves while a test runs. */
    long quietNumber(String name) {
        long id = data.openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    long contact(long numberId, String name, String digits) {
        return jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at)
                VALUES (?, ?, ?, ?, ?, now()) RETURNING id
                """, Long.class, numberId, digits, name, "+" + digits, digits);
    }

    /** A ticket created at the given time; a closed one was closed {@link #SERVICE_TIME} later. */
    long ticket(long numberId, long contactId, Long agentId, Instant createdAt, String status, String reason) {
        return ticket(numberId, contactId, agentId, createdAt, status, reason, null);
    }

    long ticket(long numberId, long contactId, Long agentId, Instant createdAt, String status, String reason,
                Long parentTicketId) {
        long ticketNumber = jdbc.queryForObject("SELECT next_ticket_number(?)", Long.class, numberId);
        boolean closed = "CLOSED".equals(status);
        return jdbc.queryForObject("""
                INSERT INTO tickets (number_id, contact_id, ticket_number, status, close_reason, agent_id,
                                     parent_ticket_id, created_at, assigned_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, numberId, contactId, ticketNumber, status, reason, agentId, parentTicketId,
                Timestamp.from(createdAt), agentId == null ? null : Timestamp.from(createdAt),
                closed ? Timestamp.from(createdAt.plus(SERVICE_TIME)) : null);
    }

    long ticketNumber(long ticketId) {
        return jdbc.queryForObject("SELECT ticket_number FROM tickets WHERE id = ?", Long.class, ticketId);
    }

    long tag(String name, String color) {
        return jdbc.queryForObject("INSERT INTO tags (name, color) VALUES (?, ?) RETURNING id", Long.class, name, color);
    }

    void tagTicket(long ticketId, long tagId) {
        jdbc.update("INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)", ticketId, tagId);
    }

    long customerMessage(long ticketId, String body, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', 'TEXT', ?, ? FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, body, Timestamp.from(at), ticketId);
    }

    long agentMessage(long ticketId, long agentId, String body, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, status, created_at)
                SELECT number_id, contact_id, id, 'OUTBOUND', 'AGENT', ?, 'TEXT', ?, 'READ', ? FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, agentId, body, Timestamp.from(at), ticketId);
    }

    long automationMessage(long ticketId, String body, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, automation, type,
                                      body, status, created_at)
                SELECT number_id, contact_id, id, 'OUTBOUND', 'AUTOMATION', 'ABSENCE', 'TEXT', ?, 'SENT', ?
                  FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, body, Timestamp.from(at), ticketId);
    }

    long mediaMessage(long ticketId, String type, String url, String fileName, String caption, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, media_id,
                                      media_url, media_file_name, media_caption, media_mime_type, created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', ?, ?, ?, ?, ?, 'application/octet-stream', ?
                  FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, type, "media-" + TestData.unique(), url, fileName, caption, Timestamp.from(at),
                ticketId);
    }

    long locationMessage(long ticketId, double latitude, double longitude, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, latitude,
                                      longitude, created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', 'LOCATION', ?, ?, ? FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, latitude, longitude, Timestamp.from(at), ticketId);
    }

    void note(long ticketId, long authorId, String body, Instant at) {
        jdbc.update("INSERT INTO notes (ticket_id, author_id, body, created_at) VALUES (?, ?, ?, ?)", ticketId,
                authorId, body, Timestamp.from(at));
    }

    void rename(long userId, String name) {
        jdbc.update("UPDATE app_users SET name = ? WHERE id = ?", name, userId);
    }

    UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
