package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A failed message in words and sent again with one click: Meta's code explained on the timeline (Desk and
 * Conversations), the Resend button only for the agent serving the ticket while the message may be sent, and the
 * message back in the outbox PENDING with its attempts and error cleared.
 */
@IntegrationTest
class ResendTest {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    long number;
    long agent;
    long contact;
    long ticket;

    @BeforeEach
    void anAgentServingACustomerWhoWroteAnHourAgo() {
        clock.set(TestClock.START);
        number = data.openNumber("Loja " + TestData.unique());
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, number);
        agent = data.agent(number, "OFFLINE");
        contact = data.contact(number, "Maria");
        customerWrote(contact, Duration.ofHours(1));
        ticket = data.ticket(number, contact, "OPEN", agent);
    }

    @Test
    void aFailedMessageShowsMetasReasonInWordsWithTheCodeAndTheResendButton() throws Exception {
        long failed = failedMessage(ticket, "TEXT", 131026, "(#131026) Message undeliverable");

        String timeline = timeline(agent, ticket);

        assertThat(timeline)
                .contains("Mensagem não entregue: o número pode não ter WhatsApp")
                .contains("Código de erro do WhatsApp: 131026")
                .contains("/desk/tickets/" + ticket + "/messages/" + failed + "/resend");
        String conversation = mvc.perform(get("/conversations/{id}/timeline", contact).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conversation).contains("Mensagem não entregue")
                .contains("/desk/tickets/" + ticket + "/messages/" + failed + "/resend");
    }

    @Test
    void inEnglishTheSentenceIsEnglishAndAnUnknownCodeShowsMetasOwnMessage() throws Exception {
        failedMessage(ticket, "TEXT", 131047, "(#131047) Re-engagement message");
        failedMessage(ticket, "TEXT", 135000, "(#135000) Generic user error");

        String timeline = mvc.perform(get("/desk/tickets/{id}/timeline?lang=en", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(timeline).contains("More than 24 hours have passed since the customer")
                .contains("(#135000) Generic user error");
    }

    @Test
    void resendingPutsTheMessageBackInTheOutboxAndRefreshesTheTimelines() throws Exception {
        long failed = failedMessage(ticket, "TEXT", 131000, "(#131000) Something went wrong");

        resend(agent, ticket, failed)
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Trigger", "desk-refresh-timeline, conversations-refresh"));

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT status, send_attempts, error_code, error_message, next_attempt_at FROM messages WHERE id = ?
                """, failed);
        assertThat(row).containsEntry("status", "PENDING").containsEntry("send_attempts", 0)
                .containsEntry("error_code", null).containsEntry("error_message", null)
                .containsEntry("next_attempt_at", Timestamp.from(TestClock.START));
    }

    @Test
    void aMessageThatDidNotFailIsRefused() throws Exception {
        long failed = failedMessage(ticket, "TEXT", 131000, "(#131000) Something went wrong");
        resend(agent, ticket, failed).andExpect(status().isNoContent());

        resend(agent, ticket, failed).andExpect(status().isConflict());

        assertThat(statusOf(failed)).isEqualTo("PENDING");
    }

    @Test
    void aMessageOfAnotherTicketOrNumberIsNotFound() throws Exception {
        long otherContact = data.contact(number, "João");
        long otherTicket = data.ticket(number, otherContact, "OPEN", agent);
        long elsewhere = failedMessage(otherTicket, "TEXT", 131026, "undeliverable");
        long otherNumber = data.openNumber("Outra " + TestData.unique());
        long foreignContact = data.contact(otherNumber, "Fulano");
        long foreignTicket = data.ticket(otherNumber, foreignContact, "OPEN", data.agent(otherNumber, "OFFLINE"));
        long foreign = failedMessage(foreignTicket, "TEXT", 131026, "undeliverable");

        resend(agent, ticket, elsewhere).andExpect(status().isNotFound());
        resend(agent, foreignTicket, foreign).andExpect(status().isNotFound());

        assertThat(statusOf(elsewhere)).isEqualTo("FAILED");
        assertThat(statusOf(foreign)).isEqualTo("FAILED");
    }

    @Test
    void anotherAgentSeesTheReasonButNoButtonAndIsRefused() throws Exception {
        long colleague = data.agent(number, "OFFLINE");
        long failed = failedMessage(ticket, "TEXT", 131026, "undeliverable");

        assertThat(timeline(colleague, ticket)).contains("Mensagem não entregue").doesNotContain("/resend");
        resend(colleague, ticket, failed).andExpect(status().isConflict());

        assertThat(statusOf(failed)).isEqualTo("FAILED");
    }

    @Test
    void afterTheWindowOnlyATemplateMayBeSentAgain() throws Exception {
        clock.set(TestClock.START.plus(Duration.ofHours(30)));
        long text = failedMessage(ticket, "TEXT", 131000, "(#131000) Something went wrong");
        long template = failedMessage(ticket, "TEMPLATE", 132015, "(#132015) Template is Paused");

        String timeline = timeline(agent, ticket);
        assertThat(timeline).doesNotContain("/messages/" + text + "/resend")
                .contains("/messages/" + template + "/resend")
                .contains("O modelo está pausado");

        resend(agent, ticket, text).andExpect(status().isConflict());
        resend(agent, ticket, template).andExpect(status().isNoContent());
        assertThat(statusOf(text)).isEqualTo("FAILED");
        assertThat(statusOf(template)).isEqualTo("PENDING");
    }

    private ResultActions resend(long userId, long ticketId, long messageId) throws Exception {
        return mvc.perform(post("/desk/tickets/{t}/messages/{m}/resend", ticketId, messageId)
                .with(user(userOf(userId))).with(csrf()).header("HX-Request", "true"));
    }

    private String timeline(long userId, long ticketId) throws Exception {
        return mvc.perform(get("/desk/tickets/{id}/timeline", ticketId).with(user(userOf(userId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long failedMessage(long ticketId, String type, int code, String error) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, template_name, template_language, status, error_code, error_message,
                                      send_attempts, created_at)
                SELECT t.number_id, t.contact_id, t.id, 'OUTBOUND', 'AGENT', t.agent_id, ?, 'Olá',
                       CASE WHEN ? = 'TEMPLATE' THEN 'retorno' END, CASE WHEN ? = 'TEMPLATE' THEN 'pt_BR' END,
                       'FAILED', ?, ?, 3, ?
                  FROM tickets t WHERE t.id = ?
                RETURNING id
                """, Long.class, type, type, type, code, error, Timestamp.from(clock.instant()), ticketId);
    }

    private void customerWrote(long contactId, Duration ago) {
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minus(ago)), contactId);
    }

    private String statusOf(long messageId) {
        return jdbc.queryForObject("SELECT status FROM messages WHERE id = ?", String.class, messageId);
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
