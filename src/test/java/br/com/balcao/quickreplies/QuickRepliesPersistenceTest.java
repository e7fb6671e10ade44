package br.com.balcao.quickreplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
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
class QuickRepliesPersistenceTest {

    @Autowired
    QuickReplyCategoryRepository categories;

    @Autowired
    QuickReplyRepository replies;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    Instant now;

    @BeforeEach
    void readClock() {
        now = clock.instant();
    }

    @Test
    void categoryAndReplyPersistWithAllTheirFields() {
        String name = textOfLength(20);
        long categoryId = categories.saveAndFlush(new QuickReplyCategory(name, now)).getId();
        String longBody = "Olá! Seu pedido foi enviado. ".repeat(200);
        QuickReply reply = replies.saveAndFlush(new QuickReply(categoryId, "Saudação", longBody, now));
        reply.edit(categoryId, "Pedido enviado", longBody + "Obrigado.", now.plusSeconds(60));
        replies.saveAndFlush(reply);
        entityManager.clear();

        QuickReplyCategory category = categories.findById(categoryId).orElseThrow();
        assertThat(category.getName()).isEqualTo(name);
        assertThat(category.getCreatedAt()).isEqualTo(now);
        QuickReply read = replies.findById(reply.getId()).orElseThrow();
        assertThat(read.getCategoryId()).isEqualTo(categoryId);
        assertThat(read.getTitle()).isEqualTo("Pedido enviado");
        assertThat(read.getBody()).isEqualTo(longBody + "Obrigado.");
        assertThat(read.getCreatedAt()).isEqualTo(now);
        assertThat(jdbc.queryForObject("SELECT updated_at FROM quick_replies WHERE id = ?", Timestamp.class,
                reply.getId())).isEqualTo(Timestamp.from(now.plusSeconds(60)));
        assertThat(replies.findByCategoryIdOrderByTitleAsc(categoryId)).hasSize(1);
    }

    @Test
    void categoryNameHoldsSixtyCharactersNotSixtyOne() {
        String sixty = textOfLength(QuickReplyCategory.NAME_MAX_LENGTH);
        categories.saveAndFlush(new QuickReplyCategory(sixty, now));
        entityManager.clear();
        assertThat(categories.findByNameIgnoreCase(sixty)).map(QuickReplyCategory::getName).contains(sixty);

        assertThatThrownBy(() -> categories.saveAndFlush(
                new QuickReplyCategory(textOfLength(QuickReplyCategory.NAME_MAX_LENGTH + 1), now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void categoryNamesAreUniqueRegardlessOfCase() {
        String name = "Entregas " + UUID.randomUUID().toString().substring(0, 8);
        categories.saveAndFlush(new QuickReplyCategory(name, now));

        assertThatThrownBy(() -> categories.saveAndFlush(new QuickReplyCategory(name.toUpperCase(), now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void replyTitleHoldsThirtyCharactersNotThirtyOne() {
        long categoryId = categories.saveAndFlush(new QuickReplyCategory(textOfLength(20), now)).getId();
        String thirty = textOfLength(QuickReply.TITLE_MAX_LENGTH);
        replies.saveAndFlush(new QuickReply(categoryId, thirty, "Texto", now));
        entityManager.clear();
        assertThat(replies.findByCategoryIdOrderByTitleAsc(categoryId)).extracting(QuickReply::getTitle)
                .containsExactly(thirty);

        assertThatThrownBy(() -> replies.saveAndFlush(
                new QuickReply(categoryId, textOfLength(QuickReply.TITLE_MAX_LENGTH + 1), "Texto", now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** A unique text of exactly {@code length} characters, most of them the two-byte "ç". */
    private static String textOfLength(int length) {
        String text = UUID.randomUUID().toString().substring(0, 8) + "ç".repeat(length - 8);
        assertThat(text).hasSize(length);
        return text;
    }
}
