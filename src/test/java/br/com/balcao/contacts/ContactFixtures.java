package br.com.balcao.contacts;

import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Contacts with every field filled, and the users who look at them. */
class ContactFixtures {

    private final JdbcTemplate jdbc;
    private final TestData data;
    private final UserDetailsService users;

    ContactFixtures(JdbcTemplate jdbc, TestData data, UserDetailsService users) {
        this.jdbc = jdbc;
        this.data = data;
        this.users = users;
    }

    /** A contact whose WhatsApp id is its phone digits, with a last interaction or none (null). */
    long contact(long numberId, String name, String phoneDigits, String email, String city, String document,
                 Instant lastInteraction) {
        Timestamp last = lastInteraction == null ? null : Timestamp.from(lastInteraction);
        return jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, email, city, document,
                                      created_at, last_interaction_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, numberId, phoneDigits, name, "+" + phoneDigits, phoneDigits, email, city, document,
                Timestamp.from(Instant.parse("2026-01-01T12:00:00Z")), last);
    }

    /** A member of the number with every permission, or without CONTACTS. */
    UserDetails member(long numberId, boolean contacts) {
        String email = data.email("agent");
        long id = data.user("AGENT", email);
        data.member(id, numberId);
        jdbc.update("UPDATE memberships SET can_contacts = ? WHERE user_id = ?", contacts, id);
        return users.loadUserByUsername(email);
    }

    /** A unique Brazilian mobile's digits (55 + 11 + 9 digits). */
    static String mobile() {
        return "55119" + String.format("%08d", TestData.unique() % 100_000_000);
    }
}
