package br.com.balcao.browser;

import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tickets for the Desk's browser tests: each on a new contact who wrote just now, so the window is open. */
record AgentTickets(JdbcTemplate jdbc, TestData data, TestClock clock) {

    /** A ticket of the agent in the given state (ASSIGNED before the first reply, OPEN after it). */
    long ticketOf(String email, long numberId, String status) {
        long agent = jdbc.queryForObject("SELECT id FROM app_users WHERE email = ?", Long.class, email);
        long contact = data.contact(numberId, "Cliente " + TestData.unique());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?", now, contact);
        long ticket = data.ticket(numberId, contact, status, agent);
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'Olá, preciso de ajuda', ?)
                """, numberId, contact, ticket, now);
        return ticket;
    }
}
