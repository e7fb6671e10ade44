package br.com.balcao.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
@Transactional
class MessageTemplatePersistenceTest {

    @Autowired
    MessageTemplateRepository templates;

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
        now = clock.instant();
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id)
                VALUES ('Loja', '+55 11 4000-0000', ?) RETURNING id
                """, Long.class, UUID.randomUUID().toString());
    }

    @Test
    void templatePersistsWithAllItsFields() {
        long id = templates.saveAndFlush(new MessageTemplate(numberId, "pedido_enviado", "pt_BR",
                TemplateCategory.UTILITY, "Olá {{1}}, seu pedido {{2}} foi enviado.", TemplateStatus.APPROVED, now))
                .getId();
        templates.saveAndFlush(new MessageTemplate(numberId, "promocao", "en_US", TemplateCategory.MARKETING,
                "Hi {{1}}!", TemplateStatus.PENDING, now));
        entityManager.clear();

        MessageTemplate read = templates.findById(id).orElseThrow();
        assertThat(read.getNumberId()).isEqualTo(numberId);
        assertThat(read.getName()).isEqualTo("pedido_enviado");
        assertThat(read.getLanguage()).isEqualTo("pt_BR");
        assertThat(jdbc.queryForObject("SELECT category FROM message_templates WHERE id = ?", String.class, id))
                .isEqualTo(TemplateCategory.UTILITY.name());
        assertThat(read.getBody()).isEqualTo("Olá {{1}}, seu pedido {{2}} foi enviado.");
        assertThat(read.getStatus()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(read.getCreatedAt()).isEqualTo(now);
        assertThat(templates.findByNumberIdAndStatusOrderByNameAscLanguageAsc(numberId, TemplateStatus.APPROVED))
                .extracting(MessageTemplate::getId).containsExactly(id);
    }

    @Test
    void templateIsUniqueByNumberNameAndLanguage() {
        templates.saveAndFlush(new MessageTemplate(numberId, "boas_vindas", "pt_BR", TemplateCategory.UTILITY,
                "Bem-vindo!", TemplateStatus.APPROVED, now));
        templates.saveAndFlush(new MessageTemplate(numberId, "boas_vindas", "en_US", TemplateCategory.UTILITY,
                "Welcome!", TemplateStatus.APPROVED, now));

        assertThatThrownBy(() -> templates.saveAndFlush(new MessageTemplate(numberId, "boas_vindas", "pt_BR",
                TemplateCategory.MARKETING, "De novo", TemplateStatus.PENDING, now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
