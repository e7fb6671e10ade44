package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A customer imported with the Brazilian 9th digit writes from a WhatsApp id without it: the message, through the
 * real webhook, lands on that contact, which from then on is answered at WhatsApp's id.
 */
@IntegrationTest
class NinthDigitWebhookTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aMessageFromTheTwelveDigitIdLandsOnTheContactImportedWithThirteen() throws Exception {
        long number = data.openNumber("Loja " + TestData.unique());
        String local = "7" + String.format("%07d", TestData.unique() % 10_000_000);
        long imported = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, name, name_edited, phone_e164, phone_digits, created_at)
                VALUES (?, ?, 'Maria Importada', true, ?, ?, ?) RETURNING id
                """, Long.class, number, "55219" + local, "+55219" + local, "55219" + local,
                Timestamp.from(TestClock.START));
        String wamid = "wamid.ninth" + TestData.unique();

        mvc.perform(signedWebhookPost(textMessage(data.phoneNumberId(number), wamid, "5521" + local),
                IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());

        assertThat(jdbc.queryForObject("SELECT contact_id FROM messages WHERE wamid = ?", Long.class, wamid))
                .isEqualTo(imported);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE number_id = ?", Long.class, number))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT wa_id FROM contacts WHERE id = ?", String.class, imported))
                .isEqualTo("5521" + local);
    }
}
