package br.com.balcao.conversations;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Transfer requests: request, one pending per ticket, decline (the requester is told), accept (the engine's transfer). */
@IntegrationTest
class TransferRequestTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    long number;
    long serving;
    long requester;
    long contact;
    long ticket;

    @BeforeEach
    void aConversationServedByAnotherAgent() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Loja " + TestData.unique());
        serving = fixtures.agent("Carla Servindo", number);
        requester = fixtures.agent("Bruno Pedindo", number);
        contact = fixtures.contact(number, "Sara Transfer", TestData.waId(), minutesAgo(1));
        ticket = fixtures.ticket(number, contact, "OPEN", serving);
        fixtures.inbound(contact, ticket, "preciso de ajuda", minutesAgo(10));
    }

    @Test
    void theServingAgentSeesTheRequestAndOnlyOneIsPendingPerTicket() throws Exception {
        String composer = body(perform(post("/conversations/{id}/transfer-requests", contact), requester)
                .andExpect(status().isOk()));
        assertThat(composer).contains("Transferência solicitada. Aguardando Carla Servindo")
                .doesNotContain("id=\"request-transfer\"");
        assertThat(pendingCount()).isEqualTo(1);

        long third = fixtures.agent("Dora Terceira", number);
        assertThat(composer(third)).contains("Bruno Pedindo já solicitou").doesNotContain("id=\"request-transfer\"");
        String refused = body(perform(post("/conversations/{id}/transfer-requests", contact), third)
                .andExpect(status().isConflict()));
        assertThat(refused).contains("Já existe uma solicitação de transferência pendente");
        assertThat(pendingCount()).isEqualTo(1);

        String incoming = body(perform(get("/conversations/transfer-requests"), serving).andExpect(status().isOk()));
        assertThat(incoming).contains("Bruno Pedindo pede o atendimento de Sara Transfer").contains("transfer-accept")
                .contains("transfer-decline");
        assertThat(body(perform(get("/conversations/transfer-requests"), requester))).doesNotContain("transfer-accept");
    }

    @Test
    void declinedTheRequesterIsToldAndTheTicketStays() throws Exception {
        long request = requestAs(requester);

        perform(post("/conversations/transfer-requests/{id}/decline", request), requester).andExpect(status().isNotFound());
        perform(post("/conversations/transfer-requests/{id}/decline", request), serving).andExpect(status().isOk());

        assertThat(statusOf(request)).isEqualTo("DECLINED");
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE id = ?", Long.class, ticket)).isEqualTo(serving);
        assertThat(composer(requester)).contains("Carla Servindo recusou sua solicitação")
                .contains("id=\"request-transfer\"");
        perform(post("/conversations/transfer-requests/{id}/accept", request), serving).andExpect(status().isNotFound());
    }

    @Test
    void acceptedTheEngineTransfersTheTicketToTheRequester() throws Exception {
        long request = requestAs(requester);

        String response = body(perform(post("/conversations/transfer-requests/{id}/accept", request), serving)
                .andExpect(status().isOk()));

        assertThat(response).doesNotContain("transfer-accept");
        assertThat(statusOf(request)).isEqualTo("ACCEPTED");
        Map<String, Object> old = jdbc.queryForMap("SELECT status, close_reason FROM tickets WHERE id = ?", ticket);
        assertThat(old).containsEntry("status", "CLOSED").containsEntry("close_reason", "TRANSFERRED");
        Map<String, Object> linked = jdbc.queryForMap(
                "SELECT status, agent_id, parent_ticket_id FROM tickets WHERE contact_id = ? AND status <> 'CLOSED'",
                contact);
        assertThat(linked).containsEntry("status", "ASSIGNED").containsEntry("agent_id", requester)
                .containsEntry("parent_ticket_id", ticket);
        assertThat(composer(requester)).contains("data-state=\"TEXT\"").contains("id=\"reply-form\"");
        assertThat(composer(serving)).contains("data-state=\"OTHER_AGENT\"").contains("Em atendimento por Bruno Pedindo");
    }

    @Test
    void afterTheAcceptTheRequestersTimelineRedrawsTheOldTicketClosedAndMarksTheNewOne() throws Exception {
        jdbc.update("UPDATE tickets SET ticket_number = 2126 WHERE id = ?", ticket);
        String before = body(perform(get("/conversations/{id}", contact), requester).andExpect(status().isOk()));
        assertThat(before).contains("Ticket #2126").contains("ticket-state-" + ticket).doesNotContain("2.126")
                .doesNotContain("ticket-boundary-pending");

        perform(post("/conversations/transfer-requests/{id}/accept", requestAs(requester)), serving)
                .andExpect(status().isOk());
        long linked = jdbc.queryForObject("SELECT id FROM tickets WHERE contact_id = ? AND status <> 'CLOSED'",
                Long.class, contact);
        long linkedNumber = jdbc.queryForObject("SELECT ticket_number FROM tickets WHERE id = ?", Long.class, linked);

        String marks = body(perform(get("/conversations/{id}/tickets", contact), requester).andExpect(status().isOk()));
        assertThat(marks).containsPattern("data-ticket-state=\"" + ticket + "\"[^>]*>Encerrado<")
                .contains("ticket-boundary-pending").contains("data-ticket=\"" + linked + "\"")
                .contains("Ticket #" + linkedNumber).containsPattern("ticket-state-" + linked + "\"[^>]*>Atribuído<");

        fixtures.inbound(contact, linked, "obrigado", minutesAgo(0));
        String answered = body(perform(get("/conversations/{id}/tickets", contact), requester));
        assertThat(answered).doesNotContain("ticket-boundary-pending");
    }

    @Test
    void aRequestNeedsTheReplyPermissionAndAConversationInServiceBySomeoneElse() throws Exception {
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", requester);
        perform(post("/conversations/{id}/transfer-requests", contact), requester).andExpect(status().isForbidden());
        assertThat(composer(requester)).contains("permissão Responder").doesNotContain("id=\"request-transfer\"");

        perform(post("/conversations/{id}/transfer-requests", contact), serving).andExpect(status().isConflict());
        long foreignNumber = fixtures.quietNumber("Alheio " + TestData.unique());
        long outsider = fixtures.agent("Fora", foreignNumber);
        perform(post("/conversations/{id}/transfer-requests", contact), outsider).andExpect(status().isNotFound());
        assertThat(pendingCount()).isZero();
    }

    private long requestAs(long userId) throws Exception {
        perform(post("/conversations/{id}/transfer-requests", contact), userId).andExpect(status().isOk());
        return jdbc.queryForObject("SELECT id FROM transfer_requests WHERE ticket_id = ? AND status = 'PENDING'",
                Long.class, ticket);
    }

    private long pendingCount() {
        return jdbc.queryForObject("SELECT count(*) FROM transfer_requests WHERE ticket_id = ? AND status = 'PENDING'",
                Long.class, ticket);
    }

    private String statusOf(long request) {
        return jdbc.queryForObject("SELECT status FROM transfer_requests WHERE id = ?", String.class, request);
    }

    private String composer(long userId) throws Exception {
        return body(perform(get("/conversations/{id}/composer", contact), userId).andExpect(status().isOk()));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, long userId) throws Exception {
        return mvc.perform(request.with(user(fixtures.userOf(userId))).with(csrf()));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
