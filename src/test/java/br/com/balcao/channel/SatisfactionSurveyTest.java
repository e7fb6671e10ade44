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
import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundQueue;
import br.com.balcao.tickets.ReplyButton;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The satisfaction survey from the close to the answer: the reply buttons queued once when a served ticket closes
 * inside the 24-hour window, sent as Meta documents them; Meta's button_reply webhook recorded on that ticket
 * without opening one; anything else the customer writes opens a ticket as usual.
 */
@IntegrationTest
class SatisfactionSurveyTest {

    /** Just after Meta's sample payloads were sent, so that their timestamps are plausible and the window open. */
    private static final Instant NOW = Instant.ofEpochSecond(1749416383).plus(Duration.ofMinutes(10));
    private static final String TEXT_WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==";
    private static final String TAP_WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUEwRkE4NEQ3QzRCMzk3RTU4AA==";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired TicketActions actions;
    @Autowired OutboundQueue outbox;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    long number;
    String phoneNumberId;
    long agent;

    @BeforeEach
    void aNumberWithTheSurveyAndAnAgent() {
        clock.set(NOW);
        number = data.quietNumber("Pesquisa " + TestData.unique());
        jdbc.update("UPDATE business_numbers SET survey_enabled = true WHERE id = ?", number);
        phoneNumberId = data.phoneNumberId(number);
        agent = data.agent(number, "OFFLINE");
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void anAgentsCloseInsideTheWindowQueuesTheButtonsWhichGoAsMetaDocumentsThem() throws Exception {
        long ticket = servedTicket();

        actions.close(ticket, agent, List.of());

        Map<String, Object> survey = surveyMessage(ticket);
        assertThat(survey).containsEntry("body", "Como você avalia o nosso atendimento?")
                .containsEntry("status", "PENDING").containsEntry("type", "TEXT");
        assertThat(jdbc.queryForObject("SELECT survey_sent_at FROM tickets WHERE id = ?", Timestamp.class, ticket))
                .isEqualTo(Timestamp.from(NOW));
        OutboundMessage claimed = outbox.claim((Long) survey.get("id")).orElseThrow();
        assertThat(claimed.replyButtons()).containsExactly(new ReplyButton("csat_" + ticket + "_good", "Ótimo"),
                new ReplyButton("csat_" + ticket + "_ok", "Bom"), new ReplyButton("csat_" + ticket + "_bad", "Ruim"));

        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"16505551234\",\"wa_id\":"
                            + "\"16505551234\"}],\"messages\":[{\"id\":\"wamid.survey\"}]}").build());
            CloudApiGateway gateway = new CloudApiGateway(server.url("/").toString(), "v23.0", "token",
                    Duration.ofSeconds(2), Duration.ofSeconds(2));

            assertThat(gateway.send(phoneNumberId, claimed)).isEqualTo(new SendResult.Accepted("wamid.survey"));

            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            JsonMapper json = JsonMapper.builder().build();
            assertThat(json.readTree(request.getBody().utf8())).isEqualTo(json.readTree("""
                    {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "16505551234",
                     "type": "interactive",
                     "interactive": {"type": "button", "body": {"text": "Como você avalia o nosso atendimento?"},
                       "action": {"buttons": [
                         {"type": "reply", "reply": {"id": "csat_%1$d_good", "title": "Ótimo"}},
                         {"type": "reply", "reply": {"id": "csat_%1$d_ok", "title": "Bom"}},
                         {"type": "reply", "reply": {"id": "csat_%1$d_bad", "title": "Ruim"}}]}}}
                    """.formatted(ticket)));
        }
    }

    @Test
    void aBlankTitleLeavesItsButtonOut() throws Exception {
        jdbc.update("UPDATE business_numbers SET survey_ok_title = '', survey_question = 'Resolvemos?' WHERE id = ?",
                number);
        long ticket = servedTicket();

        actions.close(ticket, agent, List.of());

        Map<String, Object> survey = surveyMessage(ticket);
        assertThat(survey).containsEntry("body", "Resolvemos?");
        assertThat(outbox.claim((Long) survey.get("id")).orElseThrow().replyButtons())
                .extracting(ReplyButton::title).containsExactly("Ótimo", "Ruim");
    }

    @Test
    void theCustomersExitKeywordInServiceIsSurveyedButALostOrAbandonedTicketIsNot() throws Exception {
        long served = servedTicket();
        receive(textFixture("sair", "wamid.exit-served"));
        assertThat(closeReason(served)).isEqualTo("CLIENT");
        assertThat(surveys(served)).isOne();

        receive(textFixture("Oi de novo", "wamid.queued"));
        long queued = unclosedTicket();
        receive(textFixture("sair", "wamid.exit-queued"));
        assertThat(closeReason(queued)).isEqualTo("LOST");

        receive(textFixture("Voltei", "wamid.assigned"));
        long assigned = unclosedTicket();
        jdbc.update("UPDATE tickets SET status = 'ASSIGNED', agent_id = ?, assigned_at = ? WHERE id = ?", agent,
                Timestamp.from(NOW), assigned);
        receive(textFixture("sair", "wamid.exit-assigned"));
        assertThat(closeReason(assigned)).isEqualTo("ABANDONED");

        assertThat(surveys(queued)).isZero();
        assertThat(surveys(assigned)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE survey_sent_at IS NOT NULL AND number_id = ?",
                Long.class, number)).isOne();
    }

    @Test
    void noSurveyOnceTheCustomersLastMessageIsMoreThanTwentyFourHoursOld() throws Exception {
        long ticket = servedTicket();
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        actions.close(ticket, agent, List.of());

        assertThat(surveys(ticket)).isZero();
        assertThat(jdbc.queryForObject("SELECT survey_sent_at FROM tickets WHERE id = ?", Timestamp.class, ticket))
                .isNull();
    }

    @Test
    void noSurveyWhenTheNumberHasItSwitchedOff() throws Exception {
        jdbc.update("UPDATE business_numbers SET survey_enabled = false WHERE id = ?", number);
        long ticket = servedTicket();

        actions.close(ticket, agent, List.of());

        assertThat(surveys(ticket)).isZero();
    }

    @Test
    void aTicketIsSurveyedOnceHoweverOftenItsCloseIsAnnounced() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (CloseReason reason : List.of(CloseReason.ATTENDANT, CloseReason.CLIENT_INACTIVITY)) {
            transaction.executeWithoutResult(status -> events.publishEvent(
                    new TicketClosed(number, ticket, agent, reason)));
        }

        assertThat(surveys(ticket)).isOne();
    }

    @Test
    void anAnswerAfterItsDayWasRolledUpMakesThatDayLiveAgainForTheReports() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        // The reports' job rolled up the close's day before the customer answered.
        jdbc.update("""
                INSERT INTO report_rolled_days (number_id, day, rolled_at)
                SELECT t.number_id, (t.closed_at AT TIME ZONE n.time_zone)::date, now()
                  FROM tickets t JOIN business_numbers n ON n.id = t.number_id WHERE t.id = ?""", ticket);

        receive(tap("csat_" + ticket + "_good", "Ótimo", TAP_WAMID));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM report_rolled_days WHERE number_id = ?", Long.class, number) == 0);
    }

    @Test
    void metasButtonReplyIsTheClosedTicketsAnswerAndOpensNoTicketAndASecondTapChangesNothing() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        clock.advance(Duration.ofMinutes(2));

        receive(tap("csat_" + ticket + "_bad", "Ruim", TAP_WAMID));
        receive(tap("csat_" + ticket + "_good", "Ótimo", "wamid.second-tap"));
        receive(tap("csat_" + ticket + "_bad", "Ruim", TAP_WAMID));

        assertThat(jdbc.queryForMap("SELECT status, satisfaction, satisfaction_answered_at FROM tickets WHERE id = ?",
                ticket)).containsEntry("status", "CLOSED").containsEntry("satisfaction", "BAD")
                .containsEntry("satisfaction_answered_at", Timestamp.from(Instant.ofEpochSecond(1749416383)));
        assertThat(jdbc.queryForList("""
                SELECT body FROM messages WHERE ticket_id = ? AND direction = 'INBOUND' AND wamid <> ? ORDER BY id
                """, String.class, ticket, TEXT_WAMID)).containsExactly("Ruim", "Ótimo");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ? AND direction = 'OUTBOUND'",
                Long.class, number)).as("the survey only: no automation answered the taps").isOne();
    }

    @Test
    void withACommentPromptTheFirstTextWithinTenMinutesIsTheCommentKeptInTheTimelineAndTheOneAfterOpensATicket()
            throws Exception {
        jdbc.update("UPDATE business_numbers SET survey_comment_prompt = 'O que podemos melhorar?' WHERE id = ?",
                number);
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        receive(tap("csat_" + ticket + "_bad", "Ruim", TAP_WAMID));
        assertThat(jdbc.queryForList("""
                SELECT body FROM messages WHERE ticket_id = ? AND automation = 'SATISFACTION_SURVEY' ORDER BY id
                """, String.class, ticket)).containsExactly("Como você avalia o nosso atendimento?",
                "O que podemos melhorar?");
        receive(tap("csat_" + ticket + "_good", "Ótimo", "wamid.second-tap"));
        assertThat(surveys(ticket)).as("a second tap asks for no second comment").isEqualTo(2);
        clock.advance(Duration.ofMinutes(9));

        receive(textFixture("A entrega demorou demais", "wamid.comment"));
        receive(textFixture("Outra dúvida: e a nota fiscal?", "wamid.after-the-comment"));

        assertThat(jdbc.queryForObject("SELECT satisfaction_comment FROM tickets WHERE id = ?", String.class, ticket))
                .isEqualTo("A entrega demorou demais");
        assertThat(jdbc.queryForObject("SELECT ticket_id FROM messages WHERE wamid = 'wamid.comment'", Long.class))
                .isEqualTo(ticket);
        long opened = unclosedTicket();
        assertThat(jdbc.queryForObject("SELECT ticket_id FROM messages WHERE wamid = 'wamid.after-the-comment'",
                Long.class)).isEqualTo(opened).isNotEqualTo(ticket);
        byte[] pdf = mvc.perform(get("/history/{id}/pdf", ticket).param("lang", "en").with(user(agentUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Satisfaction Poor — “A entrega demorou demais”");
        }
        assertThat(page(get("/history").param("number", String.valueOf(number))))
                .contains("title=\"A entrega demorou demais\"");
        long contact = jdbc.queryForObject("SELECT contact_id FROM tickets WHERE id = ?", Long.class, ticket);
        assertThat(page(get("/conversations/{id}", contact))).as("the comment is a message of the contact's timeline too")
                .contains("A entrega demorou demais", "Outra dúvida: e a nota fiscal?");
    }

    @Test
    void aTextMoreThanTenMinutesAfterThePromptIsNoCommentButANewTicket() throws Exception {
        jdbc.update("UPDATE business_numbers SET survey_comment_prompt = 'Quer comentar?' WHERE id = ?", number);
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        receive(tap("csat_" + ticket + "_ok", "Bom", TAP_WAMID));
        clock.advance(Duration.ofMinutes(11));

        receive(textFixture("Bom dia, preciso de ajuda", "wamid.late"));

        assertThat(jdbc.queryForObject("SELECT satisfaction_comment FROM tickets WHERE id = ?", String.class, ticket))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT ticket_id FROM messages WHERE wamid = 'wamid.late'", Long.class))
                .isEqualTo(unclosedTicket());
    }

    @Test
    void withoutACommentPromptNothingIsAskedAndTheNextTextOpensATicket() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        receive(tap("csat_" + ticket + "_good", "Ótimo", TAP_WAMID));

        receive(textFixture("Obrigado!", "wamid.thanks"));

        assertThat(surveys(ticket)).isOne();
        assertThat(jdbc.queryForObject("SELECT satisfaction_comment FROM tickets WHERE id = ?", String.class, ticket))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT ticket_id FROM messages WHERE wamid = 'wamid.thanks'", Long.class))
                .isEqualTo(unclosedTicket());
    }

    @Test
    void freeTextAfterTheSurveyOpensATicketAsUsual() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());

        receive(textFixture("Na verdade ainda tenho uma dúvida", "wamid.free-text"));

        long opened = unclosedTicket();
        assertThat(opened).isNotEqualTo(ticket);
        assertThat(jdbc.queryForObject("SELECT satisfaction FROM tickets WHERE id = ?", String.class, ticket)).isNull();
        assertThat(jdbc.queryForObject("SELECT ticket_id FROM messages WHERE wamid = 'wamid.free-text'", Long.class))
                .isEqualTo(opened);
    }

    @Test
    void aButtonThatIsNoSurveyOfThisContactOpensATicketAsUsual() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        long strangersTicket = data.ticket(number, data.contact(number, "Outra Pessoa"), "WAITING", null);
        jdbc.update("""
                UPDATE tickets SET status = 'CLOSED', survey_sent_at = ?, closed_at = ?, close_reason = 'ATTENDANT'
                 WHERE id = ?""",
                Timestamp.from(NOW), Timestamp.from(NOW), strangersTicket);

        receive(new String(addressedTo("interactive_button_reply.json", phoneNumberId), StandardCharsets.UTF_8));
        long opened = unclosedTicket();
        receive(tap("csat_" + strangersTicket + "_good", "Ótimo", "wamid.someone-elses-survey"));

        assertThat(jdbc.queryForList("SELECT body FROM messages WHERE ticket_id = ? ORDER BY id", String.class, opened))
                .containsExactly("Sim, confirmar", "Ótimo");
        assertThat(jdbc.queryForObject("SELECT satisfaction FROM tickets WHERE id = ?", String.class, strangersTicket))
                .isNull();
    }

    @Test
    void theAnswerShowsOnTheDeskCardsEarlierTicketsInHistoryAndInThePdf() throws Exception {
        long ticket = servedTicket();
        actions.close(ticket, agent, List.of());
        receive(tap("csat_" + ticket + "_bad", "Ruim", TAP_WAMID));
        receive(textFixture("Outra coisa", "wamid.next-ticket"));
        long next = unclosedTicket();

        assertThat(page(get("/desk/tickets/{id}/card", next))).contains("earlier-ticket-satisfaction",
                "Satisfação: Ruim");
        assertThat(page(get("/history").param("number", String.valueOf(number)))).contains("ticket-satisfaction",
                "Satisfação: Ruim");
        assertThat(page(get("/history").param("number", String.valueOf(number)).param("lang", "en")))
                .contains("Satisfaction: Poor");
        byte[] pdf = mvc.perform(get("/history/{id}/pdf", ticket).param("lang", "en").with(user(agentUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Satisfaction Poor");
        }
        try (PDDocument document = Loader.loadPDF(mvc.perform(get("/history/{id}/pdf", next).param("lang", "en")
                .with(user(agentUser()))).andReturn().getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("Satisfaction");
        }
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(agentUser()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private UserDetails agentUser() {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                agent));
    }

    /** The customer's first message opens a ticket, which the agent then serves. */
    private long servedTicket() throws Exception {
        receive(new String(addressedTo("text.json", phoneNumberId), StandardCharsets.UTF_8));
        return jdbc.queryForObject("""
                UPDATE tickets SET status = 'OPEN', agent_id = ?, assigned_at = ?, first_response_at = ?
                 WHERE number_id = ? AND status <> 'CLOSED' RETURNING id""", Long.class, agent, Timestamp.from(NOW),
                Timestamp.from(NOW), number);
    }

    private String textFixture(String text, String wamid) {
        return new String(addressedTo("text.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("Olá! Meu pedido #1042 ainda não chegou.", text).replace(TEXT_WAMID, wamid);
    }

    /** Meta's button_reply webhook for this button. */
    private String tap(String id, String title, String wamid) {
        return new String(addressedTo("interactive_button_reply.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("confirm-yes", id).replace("Sim, confirmar", title).replace(TAP_WAMID, wamid);
    }

    private void receive(String body) throws Exception {
        mvc.perform(signedWebhookPost(body.getBytes(StandardCharsets.UTF_8), IntegrationTest.WEBHOOK_SECRET))
                .andExpect(status().isOk());
    }

    private Map<String, Object> surveyMessage(long ticket) {
        return jdbc.queryForMap("""
                SELECT id, body, status, type FROM messages WHERE ticket_id = ? AND automation = 'SATISFACTION_SURVEY'
                """, ticket);
    }

    private long surveys(long ticket) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM messages WHERE ticket_id = ? AND automation = 'SATISFACTION_SURVEY'", Long.class,
                ticket);
    }

    private String closeReason(long ticket) {
        return jdbc.queryForObject("SELECT close_reason FROM tickets WHERE id = ?", String.class, ticket);
    }

    private long unclosedTicket() {
        return jdbc.queryForObject("SELECT id FROM tickets WHERE number_id = ? AND status <> 'CLOSED'", Long.class,
                number);
    }
}
