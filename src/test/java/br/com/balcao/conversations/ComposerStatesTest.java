package br.com.balcao.conversations;

import static br.com.balcao.conversations.ConversationFixtures.daysAgo;
import static br.com.balcao.conversations.ConversationFixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** PRODUCT.md's five composers of the contact page, with a fixed clock deciding the 24-hour window. */
@IntegrationTest
class ComposerStatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    long number;
    long agent;
    long contact;

    @BeforeEach
    void aContactOfANumber() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Loja " + TestData.unique());
        fixtures.approvedTemplate(number);
        agent = fixtures.agent("Ana Agente", number);
        contact = fixtures.contact(number, "Rui Composer", "5511955554444", minutesAgo(1));
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void inServiceByMeWithTheWindowOpenTheTextComposerAndWhenItExpiresTheActiveMessage() throws Exception {
        long ticket = fixtures.ticket(number, contact, "OPEN", agent);
        fixtures.inbound(contact, ticket, "oi", minutesAgo(60));

        String open = composer(agent);
        assertThat(open).contains("data-state=\"TEXT\"").contains("id=\"reply-form\"")
                .contains("/desk/tickets/" + ticket + "/messages").doesNotContain("window-expired");

        clock.advance(Duration.ofHours(22).plusMinutes(59));
        assertThat(composer(agent)).contains("data-state=\"TEXT\"");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        String expired = composer(agent);
        assertThat(expired).contains("data-state=\"EXPIRED\"").contains("window-expired")
                .contains("/desk/contacts/" + contact + "/active-messages/new").doesNotContain("id=\"reply-form\"");
    }

    @Test
    void notInServiceTheHistoryAndTheActiveMessageNeededToResume() throws Exception {
        long old = fixtures.ticket(number, contact, "OPEN", agent);
        fixtures.inbound(contact, old, "histórico anterior", daysAgo(10));
        fixtures.close(old);

        String page = page(get("/conversations/{id}", contact), agent);

        assertThat(page).contains("data-state=\"ACTIVE_MESSAGE\"").contains("histórico anterior")
                .contains("envie uma mensagem ativa").contains("/desk/contacts/" + contact + "/active-messages/new")
                .doesNotContain("id=\"reply-form\"").doesNotContain("no-history-dialog");
    }

    @Test
    void noHistoryWithinNinetyDaysADialogThenTheActiveMessageFlowWithThePhone() throws Exception {
        fixtures.inbound(contact, null, "conversa antiga demais", daysAgo(120));

        String page = page(get("/conversations/{id}", contact), agent);

        assertThat(page).contains("data-state=\"NO_HISTORY\"").contains("id=\"no-history-dialog\"")
                .contains("data-auto-show").contains("Nenhuma conversa com este contato")
                .contains("Para retomar o contato, envie uma mensagem ativa").doesNotContain("falar com ele")
                .contains("value=\"+55 11 95555-4444\"").contains("aria-controls=\"no-history-panel\"")
                .contains("hx-trigger=\"active-message-load once\"").doesNotContain("conversa antiga demais");

        long templateId = jdbc.queryForObject("SELECT id FROM message_templates WHERE number_id = ?", Long.class, number);
        mvc.perform(post("/desk/contacts/{id}/active-messages", contact).param("templateId", String.valueOf(templateId))
                        .param("values", "Rui").with(user(fixtures.userOf(agent))).with(csrf()))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE contact_id = ? AND status = 'OPEN'",
                Long.class, contact)).isEqualTo(agent);
        assertThat(composer(agent)).contains("data-state=\"EXPIRED\"");
    }

    @Test
    void aContactThatNeverWroteHasNoHistoryEither() throws Exception {
        assertThat(composer(agent)).contains("data-state=\"NO_HISTORY\"").contains("no-history-dialog");
    }

    @Test
    void inServiceByAnotherAgentNoComposerButWhoServesAndRequestTransfer() throws Exception {
        long other = fixtures.agent("Carla Colega", number);
        long ticket = fixtures.ticket(number, contact, "OPEN", other);
        fixtures.inbound(contact, ticket, "sendo atendido", minutesAgo(5));

        String page = page(get("/conversations/{id}", contact), agent);

        assertThat(page).contains("data-state=\"OTHER_AGENT\"").contains("Em atendimento por Carla Colega")
                .contains("id=\"request-transfer\"").contains("sendo atendido")
                .doesNotContain("id=\"reply-form\"").doesNotContain("/active-messages/new");
    }

    private String composer(long userId) throws Exception {
        return page(get("/conversations/{id}/composer", contact), userId);
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, long userId)
            throws Exception {
        return mvc.perform(request.with(user(fixtures.userOf(userId)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
