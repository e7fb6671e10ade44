package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.shared.Phones;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Brazilian 9th digit never splits a customer in two: a contact imported with the 9 and the contact WhatsApp
 * created without it are merged into the older one with everything they hold, and a new message from either form
 * of the number lands on that one contact.
 */
@IntegrationTest
class ContactMergeTest {

    @Autowired ContactMerge merge;
    @Autowired ContactDirectory contacts;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    long number;
    long agent;
    String local;

    @BeforeEach
    void aNumberAndACustomersMobile() {
        clock.set(TestClock.START);
        number = data.openNumber("Loja " + TestData.unique());
        agent = data.agent(number, "OFFLINE");
        local = "8" + String.format("%07d", TestData.unique() % 10_000_000);
    }

    @Test
    void theKeyAddsTheNinthDigitToABrazilianMobileOnly() {
        assertThat(Phones.whatsAppKey("551187654321")).isEqualTo("5511987654321");
        assertThat(Phones.whatsAppKey("5511987654321")).isEqualTo("5511987654321");
        assertThat(Phones.whatsAppKey("551132654321")).as("a landline").isEqualTo("551132654321");
        assertThat(Phones.whatsAppKey("16505551234")).as("another country").isEqualTo("16505551234");
        assertThat(Phones.whatsAppKey("5511876543210")).as("13 digits without the 9").isEqualTo("5511876543210");
        assertThat(Phones.whatsAppKey(null)).isNull();
        for (String digits : List.of("551187654321", "5511987654321", "551132654321", "16505551234", "5501876543210")) {
            assertThat(jdbc.queryForObject("SELECT whatsapp_key(?)", String.class, digits)).as(digits)
                    .isEqualTo(Phones.whatsAppKey(digits));
        }
    }

    @Test
    void duplicatesAreMergedIntoTheOlderContactWithTheirTicketsMessagesNotesAndAfterHoursRecords() {
        long imported = contact("55119" + local, "Maria Importada", TestClock.START.minus(Duration.ofDays(30)), null);
        jdbc.update("UPDATE contacts SET name_edited = true, city = NULL WHERE id = ?", imported);
        long fromWhatsApp = contact("5511" + local, "Maria WhatsApp", TestClock.START.minus(Duration.ofDays(2)),
                TestClock.START.minus(Duration.ofHours(1)));
        jdbc.update("UPDATE contacts SET email = 'maria@example.com', city = 'Santos' WHERE id = ?", fromWhatsApp);
        long oldTicket = ticket(imported, "CLOSED");
        long importedOpen = ticket(imported, "OPEN");
        long duplicateOpen = ticket(fromWhatsApp, "WAITING");
        message(imported, oldTicket);
        message(imported, importedOpen);
        message(fromWhatsApp, duplicateOpen);
        message(fromWhatsApp, duplicateOpen);
        note(importedOpen);
        note(duplicateOpen);
        jdbc.update("INSERT INTO notes (contact_id, author_id, body, created_at) VALUES (?, ?, 'Cliente VIP', ?)",
                fromWhatsApp, agent, Timestamp.from(TestClock.START));
        afterHours(imported, TestClock.START.plus(Duration.ofHours(10)), "UNKNOWN");
        afterHours(fromWhatsApp, TestClock.START.plus(Duration.ofHours(10)), "YES");
        afterHours(fromWhatsApp, TestClock.START.minus(Duration.ofDays(1)), "NO");

        merge.mergeAll();

        assertThat(count("SELECT count(*) FROM contacts WHERE id = ?", fromWhatsApp)).isZero();
        assertThat(count("SELECT count(*) FROM tickets WHERE contact_id = ?", imported)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM messages WHERE contact_id = ?", imported)).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM notes WHERE contact_id = ? OR ticket_id IN (?, ?)", imported,
                importedOpen, duplicateOpen)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM messages WHERE ticket_id = ?", duplicateOpen))
                .as("the duplicate's ticket keeps its messages").isEqualTo(2);
        assertThat(jdbc.queryForMap("SELECT status, close_reason FROM tickets WHERE id = ?", duplicateOpen))
                .containsEntry("status", "CLOSED").containsEntry("close_reason", "TRANSFERRED");
        assertThat(jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, importedOpen))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForList("""
                SELECT return_requested FROM after_hours_contacts WHERE contact_id = ? ORDER BY next_opening_at
                """, String.class, imported)).containsExactly("NO", "YES");
        Map<String, Object> survivor = jdbc.queryForMap("""
                SELECT wa_id, name, email, city, last_inbound_at, created_at FROM contacts WHERE id = ?
                """, imported);
        assertThat(survivor).containsEntry("wa_id", "5511" + local)
                .containsEntry("name", "Maria Importada")
                .containsEntry("email", "maria@example.com")
                .containsEntry("city", "Santos")
                .containsEntry("last_inbound_at", Timestamp.from(TestClock.START.minus(Duration.ofHours(1))))
                .containsEntry("created_at", Timestamp.from(TestClock.START.minus(Duration.ofDays(30))));

        merge.mergeAll();
        assertThat(count("SELECT count(*) FROM tickets WHERE contact_id = ?", imported)).as("idempotent").isEqualTo(3);
    }

    @Test
    void aLandlineAndAnotherNumbersContactAreNotMerged() {
        long landline = contact("551132" + local.substring(2), "Loja A", TestClock.START.minus(Duration.ofDays(3)), null);
        long otherLandline = contact("5511932" + local.substring(2), "Loja B", TestClock.START, null);
        long otherNumber = data.openNumber("Outra " + TestData.unique());
        long here = contact("55119" + local, "Maria", TestClock.START.minus(Duration.ofDays(3)), null);
        long there = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at)
                VALUES (?, ?, 'Maria', ?, ?, ?) RETURNING id
                """, Long.class, otherNumber, "5511" + local, "+5511" + local, "5511" + local,
                Timestamp.from(TestClock.START));

        merge.mergeAll();

        assertThat(count("SELECT count(*) FROM contacts WHERE id IN (?, ?, ?, ?)", landline, otherLandline, here,
                there)).isEqualTo(4);
    }

    @Test
    void aMessageFromTheNumberWithoutTheNinthDigitLandsOnTheContactImportedWithItAndRepliesGoToWhatsAppsId() {
        long imported = contact("55119" + local, "Maria Importada", TestClock.START.minus(Duration.ofDays(30)), null);
        jdbc.update("UPDATE contacts SET name_edited = true WHERE id = ?", imported);
        Instant at = TestClock.START.plus(Duration.ofMinutes(5));

        ContactRef found = contacts.upsertFromWhatsApp(number, "5511" + local, "Maria WhatsApp", at);

        assertThat(found.id()).isEqualTo(imported);
        assertThat(found.isNew()).isFalse();
        assertThat(jdbc.queryForMap("SELECT wa_id, name, last_inbound_at FROM contacts WHERE id = ?", imported))
                .containsEntry("wa_id", "5511" + local)
                .containsEntry("name", "Maria Importada")
                .containsEntry("last_inbound_at", Timestamp.from(at));
        assertThat(contacts.upsertFromWhatsApp(number, "55119" + local, null, at).id())
                .as("and the other form still finds it").isEqualTo(imported);
        assertThat(count("SELECT count(*) FROM contacts WHERE number_id = ?", number)).isEqualTo(1);
    }

    private long contact(String waId, String name, Instant createdAt, Instant lastInbound) {
        return jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at, last_inbound_at,
                                      last_interaction_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, number, waId, name, "+" + waId, waId, Timestamp.from(createdAt),
                lastInbound == null ? null : Timestamp.from(lastInbound),
                lastInbound == null ? null : Timestamp.from(lastInbound));
    }

    private long ticket(long contactId, String status) {
        long ticket = data.ticket(number, contactId, status.equals("CLOSED") ? "OPEN" : status,
                status.equals("WAITING") ? null : agent);
        if (status.equals("CLOSED")) {
            jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ? WHERE id = ?",
                    Timestamp.from(TestClock.START), ticket);
        }
        return ticket;
    }

    private void message(long contactId, long ticketId) {
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'Oi', ?)
                """, number, contactId, ticketId, Timestamp.from(TestClock.START));
    }

    private void note(long ticketId) {
        jdbc.update("INSERT INTO notes (ticket_id, author_id, body, created_at) VALUES (?, ?, 'Nota', ?)", ticketId,
                agent, Timestamp.from(TestClock.START));
    }

    private void afterHours(long contactId, Instant nextOpening, String returnRequested) {
        jdbc.update("""
                INSERT INTO after_hours_contacts (number_id, contact_id, contact_name, phone, first_contact_at,
                                                  next_opening_at, return_requested)
                VALUES (?, ?, NULL, ?, ?, ?, ?)
                """, number, contactId, "+5511" + local, Timestamp.from(TestClock.START), Timestamp.from(nextOpening),
                returnRequested);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
