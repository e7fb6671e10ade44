package br.com.balcao.support;

import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Inserts the rows a test needs, with values unique across the test JVM so that tests sharing a database
 * never see each other's rows by accident.
 */
@Component
public class TestData {

    public static final String PASSWORD = "s3cret-Passw0rd";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcTemplate jdbc;
    private final String passwordHash;

    public TestData(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordHash = passwordEncoder.encode(PASSWORD);
    }

    public static long unique() {
        return SEQUENCE.incrementAndGet();
    }

    public long number(String name) {
        long n = unique();
        return jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id, time_zone)
                VALUES (?, ?, ?, 'America/Sao_Paulo') RETURNING id
                """, Long.class, name, "+55 11 3000-" + (n % 10000), "9" + n);
    }

    /** A number that is always open, so that no after-hours automation gets in the way. */
    public long openNumber(String name) {
        long id = number(name);
        jdbc.update("UPDATE business_numbers SET always_open = true WHERE id = ?", id);
        return id;
    }

    /** An always-open number whose inactivity and queue sweeps never close a test's tickets, however far the clock goes. */
    public long quietNumber(String name) {
        long id = openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    /** An agent with REPLY on the number, in the given status. */
    public long agent(long numberId, String status) {
        long id = user("AGENT", email("agent"));
        member(id, numberId);
        jdbc.update("UPDATE app_users SET status = ? WHERE id = ?", status, id);
        return id;
    }

    public String phoneNumberId(long numberId) {
        return jdbc.queryForObject("SELECT phone_number_id FROM business_numbers WHERE id = ?", String.class, numberId);
    }

    /** A WhatsApp id no other test uses. */
    public static String waId() {
        return "55119" + String.format("%08d", unique() % 100_000_000);
    }

    public String email(String prefix) {
        return prefix + "." + unique() + "@test.local";
    }

    public long user(String role, String email) {
        return jdbc.queryForObject("""
                INSERT INTO app_users (name, email, password_hash, role) VALUES (?, ?, ?, ?) RETURNING id
                """, Long.class, "Test " + role, email, passwordHash, role);
    }

    public void member(long userId, long numberId) {
        jdbc.update("INSERT INTO memberships (user_id, number_id) VALUES (?, ?)", userId, numberId);
    }

    public long contact(long numberId, String name) {
        String digits = "55119" + String.format("%08d", unique() % 100_000_000);
        return jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, numberId, digits, name, "+" + digits, digits, Timestamp.from(TestClock.START));
    }

    /** A contact whose last interaction was the given number of minutes before the clock's start. */
    public long contact(long numberId, String name, int minutesAgo) {
        long id = contact(numberId, name);
        jdbc.update("UPDATE contacts SET last_interaction_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minusSeconds(60L * minutesAgo)), id);
        return id;
    }

    public long ticket(long numberId, long contactId, String status, Long agentId) {
        long ticketNumber = jdbc.queryForObject("SELECT next_ticket_number(?)", Long.class, numberId);
        return jdbc.queryForObject("""
                INSERT INTO tickets (number_id, contact_id, ticket_number, status, agent_id, created_at, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, numberId, contactId, ticketNumber, status, agentId,
                Timestamp.from(TestClock.START), agentId == null ? null : Timestamp.from(TestClock.START));
    }
}
