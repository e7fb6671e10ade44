package br.com.balcao.conversations;

import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Rows the Conversations tests need, on top of {@link TestData}. */
@Component
class ConversationFixtures {

    private final JdbcTemplate jdbc;
    private final TestData data;
    private final UserDetailsService users;

    ConversationFixtures(JdbcTemplate jdbc, TestData data, UserDetailsService users) {
        this.jdbc = jdbc;
        this.data = data;
        this.users = users;
    }

    /** An always-open number whose sweeps never close a test's tickets, however far the clock goes. */
    long quietNumber(String name) {
        long id = data.openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    /** An agent (OFFLINE, so that distribution gives them nothing) on the numbers, with every permission. */
    long agent(String name, long... numberIds) {
        long id = data.user("AGENT", data.email("agent"));
        jdbc.update("UPDATE app_users SET name = ? WHERE id = ?", name, id);
        for (long numberId : numberIds) {
            data.member(id, numberId);
        }
        return id;
    }

    long manager(long... numberIds) {
        long id = data.user("MANAGER", data.email("manager"));
        for (long numberId : numberIds) {
            data.member(id, numberId);
        }
        return id;
    }

    void withoutContactsPermission(long userId, long numberId) {
        jdbc.update("UPDATE memberships SET can_contacts = false WHERE user_id = ? AND number_id = ?", userId, numberId);
    }

    /** A contact with this phone (digits only) that last interacted at the instant. */
    long contact(long numberId, String name, String digits, Instant lastInteraction) {
        return jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at, last_interaction_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, numberId, digits, name, "+" + digits, digits, Timestamp.from(TestClock.START),
                lastInteraction == null ? null : Timestamp.from(lastInteraction));
    }

    long contact(long numberId, String name) {
        return contact(numberId, name, TestData.waId(), null);
    }

    long ticket(long numberId, long contactId, String status, Long agentId) {
        return data.ticket(numberId, contactId, status, agentId);
    }

    void close(long ticketId) {
        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START), ticketId);
    }

    /** A customer's message on the ticket (or outside any ticket when ticketId is null); moves the window. */
    long inbound(long contactId, Long ticketId, String text, Instant at) {
        long id = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                SELECT number_id, id, ?, 'INBOUND', 'CUSTOMER', 'TEXT', ?, ? FROM contacts WHERE id = ?
                RETURNING id
                """, Long.class, ticketId, text, Timestamp.from(at), contactId);
        jdbc.update("UPDATE contacts SET last_inbound_at = GREATEST(last_inbound_at, ?) WHERE id = ?",
                Timestamp.from(at), contactId);
        return id;
    }

    long outbound(long contactId, long ticketId, long agentId, String text, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, status, created_at)
                SELECT number_id, id, ?, 'OUTBOUND', 'AGENT', ?, 'TEXT', ?, 'DELIVERED', ? FROM contacts WHERE id = ?
                RETURNING id
                """, Long.class, ticketId, agentId, text, Timestamp.from(at), contactId);
    }

    void approvedTemplate(long numberId) {
        jdbc.update("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, 'retomada', 'pt_BR', 'UTILITY', 'Olá {{1}}, podemos continuar?', 'APPROVED')
                """, numberId);
    }

    UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }

    static Instant minutesAgo(long minutes) {
        return TestClock.START.minus(Duration.ofMinutes(minutes));
    }

    static Instant daysAgo(long days) {
        return TestClock.START.minus(Duration.ofDays(days));
    }
}
