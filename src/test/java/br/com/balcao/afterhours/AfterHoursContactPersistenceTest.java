package br.com.balcao.afterhours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
@Transactional
class AfterHoursContactPersistenceTest {

    @Autowired
    AfterHoursContactRepository afterHours;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long numberId;
    long contactId;
    long agentId;
    Instant now;
    Instant nextOpening;

    @BeforeEach
    void createNumberContactAndAgent() {
        now = clock.instant();
        nextOpening = now.plus(Duration.ofHours(14));
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id)
                VALUES ('Loja', '+55 11 4000-0000', ?) RETURNING id
                """, Long.class, UUID.randomUUID().toString());
        contactId = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, phone_e164, phone_digits, created_at)
                VALUES (?, '5511987654321', '+5511987654321', '5511987654321', ?) RETURNING id
                """, Long.class, numberId, Timestamp.from(now));
        agentId = jdbc.queryForObject("""
                INSERT INTO app_users (name, email, password_hash, role) VALUES ('Agente', ?, '{noop}x', 'AGENT')
                RETURNING id
                """, Long.class, UUID.randomUUID() + "@test.example");
    }

    @Test
    void afterHoursContactPersistsWithAllItsFields() {
        AfterHoursContact entry = new AfterHoursContact(numberId, contactId, "Maria", "+5511987654321", now,
                nextOpening, ReturnRequest.UNKNOWN);
        entry.answerReturnRequest(true);
        entry.recordActiveMessage(agentId, nextOpening.plusSeconds(600));
        long id = afterHours.saveAndFlush(entry).getId();
        entityManager.clear();

        AfterHoursContact read = afterHours.findById(id).orElseThrow();
        assertThat(read.getNumberId()).isEqualTo(numberId);
        assertThat(read.getContactId()).isEqualTo(contactId);
        assertThat(read.getContactName()).isEqualTo("Maria");
        assertThat(read.getPhone()).isEqualTo("+5511987654321");
        assertThat(read.getFirstContactAt()).isEqualTo(now);
        assertThat(read.getNextOpeningAt()).isEqualTo(nextOpening);
        assertThat(read.getReturnRequested()).isEqualTo(ReturnRequest.YES);
        assertThat(read.isActiveMessageSent()).isTrue();
        assertThat(read.getActiveMessageSentAt()).isEqualTo(nextOpening.plusSeconds(600));
        assertThat(read.getActiveMessageSentById()).isEqualTo(agentId);
        assertThat(afterHours.findByNumberIdOrderByFirstContactAtDesc(numberId, PageRequest.of(0, 10)))
                .extracting(AfterHoursContact::getId).containsExactly(id);
    }

    @Test
    void contactIsListedOncePerClosedPeriod() {
        afterHours.saveAndFlush(new AfterHoursContact(numberId, contactId, "Maria", "+5511987654321", now,
                nextOpening, ReturnRequest.NO));
        afterHours.saveAndFlush(new AfterHoursContact(numberId, contactId, "Maria", "+5511987654321",
                nextOpening.plus(Duration.ofHours(10)), nextOpening.plus(Duration.ofDays(1)), ReturnRequest.NO));

        assertThatThrownBy(() -> afterHours.saveAndFlush(new AfterHoursContact(numberId, contactId, "Maria",
                "+5511987654321", now.plusSeconds(60), nextOpening, ReturnRequest.YES)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
