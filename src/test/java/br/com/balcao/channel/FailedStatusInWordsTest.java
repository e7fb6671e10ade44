package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A message WhatsApp accepted and later reported failed (Meta's sample status webhook) shows the sentence too. */
@IntegrationTest
class FailedStatusInWordsTest {

    private static final String WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    @Test
    void aFailedStatusKeepsMetasCodeAndTheTimelineExplainsIt() throws Exception {
        long number = data.openNumber("Loja " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        long contact = data.contact(number, "Sheena Nelson");
        long ticket = data.ticket(number, contact, "OPEN", agent);
        Timestamp sent = Timestamp.from(TestClock.START);
        long message = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, wamid, status, created_at, sent_at)
                VALUES (?, ?, ?, 'OUTBOUND', 'AGENT', ?, 'TEXT', 'Ainda precisa de ajuda?', ?, 'SENT', ?, ?)
                RETURNING id
                """, Long.class, number, contact, ticket, agent, WAMID, sent, sent);

        mvc.perform(signedWebhookPost(addressedTo("status_failed.json", data.phoneNumberId(number)),
                IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());

        assertThat(jdbc.queryForObject("SELECT error_code FROM messages WHERE id = ?", Integer.class, message))
                .isEqualTo(131047);
        String timeline = mvc.perform(get("/desk/tickets/{id}/timeline", ticket).with(user(users.loadUserByUsername(
                        jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, agent)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(timeline).contains("Faz mais de 24 horas desde a última mensagem do cliente")
                .contains("Código de erro do WhatsApp: 131047");
    }
}
