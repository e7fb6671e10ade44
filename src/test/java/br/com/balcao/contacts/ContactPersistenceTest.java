package br.com.balcao.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
@Transactional
class ContactPersistenceTest {

    @Autowired
    ContactRepository contacts;

    @Autowired
    ContactDirectory directory;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long numberId;
    Instant now;

    @BeforeEach
    void createNumber() {
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id)
                VALUES ('Loja', '+55 11 4000-0000', ?) RETURNING id
                """, Long.class, UUID.randomUUID().toString());
        now = clock.instant();
    }

    @Test
    void contactPersistsWithAllItsFields() {
        Contact contact = new Contact(numberId, "5511987654321", "Maria", "+5511987654321", now);
        contact.edit(edit("Maria Conceição", "maria@example.com", "São Paulo", "123.456.789-09",
                Map.of("plano", "Ouro", "preferência", "manhã")));
        long id = contacts.saveAndFlush(contact).getId();
        directory.upsertFromWhatsApp(numberId, "5511987654321", "Maria", now.plus(Duration.ofMinutes(5)));
        jdbc.update("UPDATE contacts SET last_interaction_at = ? WHERE id = ?",
                java.sql.Timestamp.from(now.plus(Duration.ofMinutes(7))), id);
        entityManager.clear();

        Contact read = contacts.findById(id).orElseThrow();
        assertThat(read.getNumberId()).isEqualTo(numberId);
        assertThat(read.getWaId()).isEqualTo("5511987654321");
        assertThat(read.getName()).isEqualTo("Maria Conceição");
        assertThat(read.isNameEdited()).isTrue();
        assertThat(read.getPhoneE164()).isEqualTo("+5511987654321");
        assertThat(read.getPhoneDigits()).isEqualTo("5511987654321");
        assertThat(read.getEmail()).isEqualTo("maria@example.com");
        assertThat(read.getCity()).isEqualTo("São Paulo");
        assertThat(read.getDocument()).isEqualTo("123.456.789-09");
        assertThat(read.getExtraFields()).containsExactlyInAnyOrderEntriesOf(
                Map.of("plano", "Ouro", "preferência", "manhã"));
        assertThat(read.getCreatedAt()).isEqualTo(now);
        assertThat(read.getLastInboundAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(read.getLastInteractionAt()).isEqualTo(now.plus(Duration.ofMinutes(7)));
        assertThat(jdbc.queryForObject("SELECT extra_fields ->> 'plano' FROM contacts WHERE id = ?", String.class, id))
                .isEqualTo("Ouro");
    }

    @Test
    void newContactHasNoExtraFieldsAndKeepsItsEditedNameAgainstTheProfileName() {
        Contact contact = contacts.saveAndFlush(new Contact(numberId, "5521998765432", "Jo", "+5521998765432", now));
        contact.edit(edit("João", null, null, null, Map.of()));
        contacts.saveAndFlush(contact);
        entityManager.clear();

        Contact read = contacts.findById(contact.getId()).orElseThrow();
        assertThat(read.getExtraFields()).isEmpty();
        assertThat(read.getLastInteractionAt()).isNull();
        assertThat(read.getLastInboundAt()).isNull();

        directory.upsertFromWhatsApp(numberId, "5521998765432", "Jo 2", now);
        entityManager.clear();
        assertThat(contacts.findById(contact.getId()).orElseThrow().getName()).isEqualTo("João");
    }

    @Test
    void directoryShowsAContact() {
        Contact contact = new Contact(numberId, "5531912345678", "Ana", "+5531912345678", now);
        contact.edit(edit("Ana", "ana@example.com", "Belo Horizonte", "12.345.678/0001-95", Map.of("origem", "site")));
        long id = contacts.saveAndFlush(contact).getId();
        directory.upsertFromWhatsApp(numberId, "5531912345678", "Ana", now);
        entityManager.clear();

        assertThat(directory.find(id)).contains(new ContactView(id, numberId, "Ana", "+5531912345678",
                "ana@example.com", "Belo Horizonte", "12.345.678/0001-95", Map.of("origem", "site"), now, now, now));
        assertThat(directory.find(id + 1_000_000)).isEmpty();
    }

    @Test
    void sameWhatsAppIdIsOneContactPerNumber() {
        contacts.saveAndFlush(new Contact(numberId, "5511900001111", "Um", "+5511900001111", now));

        assertThatThrownBy(() -> contacts.saveAndFlush(
                new Contact(numberId, "5511900001111", "Dois", "+5511900001111", now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void sameWhatsAppIdOnAnotherNumberIsAnotherContact() {
        long otherNumberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id)
                VALUES ('Outra', '+55 11 4000-0001', ?) RETURNING id
                """, Long.class, UUID.randomUUID().toString());
        contacts.saveAndFlush(new Contact(numberId, "5511900002222", "Um", "+5511900002222", now));
        contacts.saveAndFlush(new Contact(otherNumberId, "5511900002222", "Um", "+5511900002222", now));

        assertThat(directory.findByWaId(otherNumberId, "5511900002222")).isPresent();
    }

    /** An edit as stored: the details and the extra fields. */
    private static ContactEdit edit(String name, String email, String city, String document, Map<String, String> extras) {
        return new ContactEdit(name, email, city, document, null, List.copyOf(extras.keySet()),
                List.copyOf(extras.values()));
    }
}
