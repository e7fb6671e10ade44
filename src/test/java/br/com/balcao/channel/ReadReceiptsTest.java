package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Blue ticks, "typing…" and the agent's signature as WhatsApp receives them: the whole app on PostgreSQL, the
 * pages through MockMvc, the Cloud API stubbed by a local server answering as Meta documents
 * ({@code {"success":true}} for a status, a wamid for a message).
 */
@IntegrationTest
@TestPropertySource(properties = {
        "balcao.whatsapp.outbound.enabled=true",
        "balcao.whatsapp.outbound.sweep-interval=1h",
        "balcao.whatsapp.outbound.sweep-initial-delay=1h",
        "balcao.whatsapp.gateway=CLOUD_API",
        "balcao.whatsapp.api-version=v23.0",
        "balcao.whatsapp.access-token=EAAJB-test-token"
})
class ReadReceiptsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Queue<RecordedRequest> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final MockWebServer META = new MockWebServer();

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) throws IOException {
        META.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                RECEIVED.add(request);
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                String answer = body.contains("\"status\"") ? "{\"success\": true}" : """
                        {"messaging_product": "whatsapp", "contacts": [{"input": "x", "wa_id": "x"}],
                         "messages": [{"id": "wamid.sent.%d"}]}""".formatted(SENT.incrementAndGet());
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(answer).build();
            }
        });
        META.start();
        registry.add("balcao.whatsapp.graph-base-url", () -> META.url("/").toString());
    }

    @AfterAll
    static void stopMeta() {
        META.close();
    }

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    private long number;
    private long agent;
    private long contact;
    private long ticket;

    @BeforeEach
    void aTicketInServiceWithTheCustomerWaiting() {
        number = data.quietNumber("Recibos " + TestData.unique());
        agent = data.agent(number, "OFFLINE");
        jdbc.update("UPDATE app_users SET name = 'Ana Souza' WHERE id = ?", agent);
        contact = data.contact(number, "Cliente");
        ticket = data.ticket(number, contact, "OPEN", agent);
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minusSeconds(60)), contact);
    }

    // ------------------------------------------------------------------------------------------ read receipts

    @Test
    void theAgentOpeningTheTicketMarksEachCustomerMessageReadOnceAndNeverTheirOwn() throws Exception {
        String first = inbound("Oi", 10);
        String own = outbound("Olá, em que posso ajudar?", 9);
        String second = inbound("Meu pedido não chegou", 8);

        mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(agent)))).andExpect(status().isOk());

        assertThat(awaitStatuses(number, 2)).containsExactly(read(first), read(second));
        assertThat(readReceipts()).allSatisfy(at -> assertThat(at).isNotNull());

        mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(agent)))).andExpect(status().isOk());
        mvc.perform(get("/desk/tickets/{id}/timeline", ticket).with(user(userOf(agent)))).andExpect(status().isOk());
        String control = controlRead();
        assertThat(statusesTo(number)).containsExactly(read(first), read(second));
        assertThat(statusesTo(number)).extracting(body -> body.path("message_id").stringValue())
                .doesNotContain(own, control);
    }

    @Test
    void aMessageArrivingWhileTheTicketIsOpenIsMarkedWhenTheTimelineTakesIt() throws Exception {
        String first = inbound("Oi", 10);
        mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(agent)))).andExpect(status().isOk());
        awaitStatuses(number, 1);
        long firstId = jdbc.queryForObject("SELECT id FROM messages WHERE wamid = ?", Long.class, first);

        String arrived = inbound("Ainda está aí?", 1);
        mvc.perform(get("/desk/tickets/{id}/timeline", ticket).param("after", String.valueOf(firstId))
                .with(user(userOf(agent)))).andExpect(status().isOk());

        assertThat(awaitStatuses(number, 2)).containsExactly(read(first), read(arrived));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE contact_id = ? AND read_receipt_at IS NULL",
                Long.class, contact)).isZero();
    }

    @Test
    void theContactPageMarksReadWhenItsViewerServesTheTicket() throws Exception {
        String message = inbound("Boa tarde", 5);

        mvc.perform(get("/conversations/{id}", contact).with(user(userOf(agent)))).andExpect(status().isOk());

        assertThat(awaitStatuses(number, 1)).containsExactly(read(message));
    }

    @Test
    void nothingIsMarkedWhenTheNumberHasReadReceiptsOff() throws Exception {
        jdbc.update("UPDATE business_numbers SET read_receipts = false WHERE id = ?", number);
        inbound("Oi", 10);

        mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(agent)))).andExpect(status().isOk());
        mvc.perform(get("/conversations/{id}", contact).with(user(userOf(agent)))).andExpect(status().isOk());

        controlRead();
        assertThat(statusesTo(number)).isEmpty();
        assertThat(readReceipts()).containsOnlyNulls();
    }

    @Test
    void aManagerLookingOnMarksNothingTheAgentStillDoes() throws Exception {
        long manager = data.user("MANAGER", data.email("manager"));
        data.member(manager, number);
        String message = inbound("Oi", 10);

        mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(manager)))).andExpect(status().isOk());
        mvc.perform(get("/conversations/{id}", contact).with(user(userOf(manager)))).andExpect(status().isOk());
        controlRead();
        assertThat(statusesTo(number)).isEmpty();
        assertThat(readReceipts()).containsOnlyNulls();

        mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(agent)))).andExpect(status().isOk());
        assertThat(awaitStatuses(number, 1)).containsExactly(read(message));
    }

    // ------------------------------------------------------------------------------------------ typing

    @Test
    void typingShowsTheIndicatorUnderTheCustomersLatestMessage() throws Exception {
        inbound("Oi", 10);
        String latest = inbound("Quero trocar o produto", 2);

        mvc.perform(post("/desk/tickets/{id}/typing", ticket).with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());

        assertThat(awaitStatuses(number, 1)).containsExactly(JSON.readTree("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "%s",
                 "typing_indicator": {"type": "text"}}""".formatted(latest)));
        RecordedRequest request = RECEIVED.stream().filter(r -> to(r, number)).findFirst().orElseThrow();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v23.0/" + data.phoneNumberId(number) + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAJB-test-token");
    }

    @Test
    void typingSendsNothingWhenTheNumberHasItOffAndIsRefusedAsAReplyWouldBe() throws Exception {
        inbound("Oi", 10);
        jdbc.update("UPDATE business_numbers SET typing_indicator = false WHERE id = ?", number);
        long otherNumber = data.quietNumber("Recibos " + TestData.unique());
        long foreignTicket = data.ticket(otherNumber, data.contact(otherNumber, "Outro"), "OPEN",
                data.agent(otherNumber, "OFFLINE"));
        long watcher = data.agent(number, "OFFLINE");
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", watcher);

        mvc.perform(post("/desk/tickets/{id}/typing", ticket).with(user(userOf(watcher))).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/desk/tickets/{id}/typing", ticket).with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/desk/tickets/{id}/typing", foreignTicket).with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNotFound());

        controlRead();
        assertThat(statusesTo(number)).isEmpty();
        assertThat(statusesTo(otherNumber)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ signature

    @Test
    void aSigningNumberSendsTheAgentsNameInBoldOnTheFirstLineAndStoresWhatTheAgentTyped() throws Exception {
        jdbc.update("UPDATE business_numbers SET sign_messages = true WHERE id = ?", number);

        reply("Seu pedido sai hoje.");

        JsonNode sent = awaitMessages(number, 1).get(0);
        assertThat(sent.path("type").stringValue()).isEqualTo("text");
        assertThat(sent.path("text").path("body").stringValue()).isEqualTo("*Ana Souza:*\nSeu pedido sai hoje.");
        assertThat(jdbc.queryForObject("SELECT body FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                String.class, ticket)).isEqualTo("Seu pedido sai hoje.");
    }

    @Test
    void withoutTheOptionTheTextGoesAsTyped() throws Exception {
        reply("Seu pedido sai hoje.");

        assertThat(awaitMessages(number, 1).get(0).path("text").path("body").stringValue())
                .isEqualTo("Seu pedido sai hoje.");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void reply(String text) throws Exception {
        mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", text).with(user(userOf(agent)))
                .with(csrf())).andExpect(status().isOk());
    }

    /** Another number's ticket marked read, waited for: what was asked before it has had its turn too. */
    private String controlRead() throws Exception {
        long controlNumber = data.quietNumber("Recibos " + TestData.unique());
        long controlAgent = data.agent(controlNumber, "OFFLINE");
        long controlTicket = data.ticket(controlNumber, data.contact(controlNumber, "Controle"), "OPEN", controlAgent);
        String wamid = "wamid.control." + TestData.unique();
        insertInbound(controlTicket, wamid, "Controle", TestClock.START);
        mvc.perform(get("/desk/tickets/{id}", controlTicket).with(user(userOf(controlAgent))))
                .andExpect(status().isOk());
        awaitStatuses(controlNumber, 1);
        return wamid;
    }

    private List<JsonNode> awaitStatuses(long numberId, int count) {
        await().atMost(WAIT).until(() -> statusesTo(numberId).size() >= count);
        return statusesTo(numberId);
    }

    private List<JsonNode> awaitMessages(long numberId, int count) {
        await().atMost(WAIT).until(() -> messagesTo(numberId).size() >= count);
        return messagesTo(numberId);
    }

    private List<JsonNode> statusesTo(long numberId) {
        return bodiesTo(numberId).stream().filter(body -> body.has("status")).toList();
    }

    private List<JsonNode> messagesTo(long numberId) {
        return bodiesTo(numberId).stream().filter(body -> body.has("type")).toList();
    }

    private List<JsonNode> bodiesTo(long numberId) {
        return RECEIVED.stream().filter(request -> to(request, numberId))
                .map(request -> JSON.readTree(request.getBody().string(StandardCharsets.UTF_8))).toList();
    }

    private boolean to(RecordedRequest request, long numberId) {
        return request.getTarget().equals("/v23.0/" + data.phoneNumberId(numberId) + "/messages");
    }

    private static JsonNode read(String wamid) {
        return JSON.readTree("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "%s"}""".formatted(wamid));
    }

    private List<Timestamp> readReceipts() {
        return jdbc.queryForList("SELECT read_receipt_at FROM messages WHERE ticket_id = ? AND direction = 'INBOUND'",
                Timestamp.class, ticket);
    }

    private String inbound(String text, int minutesAgo) {
        String wamid = "wamid.in." + TestData.unique();
        insertInbound(ticket, wamid, text, TestClock.START.minusSeconds(60L * minutesAgo));
        return wamid;
    }

    private void insertInbound(long ticketId, String wamid, String text, Instant at) {
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, wamid,
                                      created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', 'TEXT', ?, ?, ? FROM tickets WHERE id = ?
                """, text, wamid, Timestamp.from(at), ticketId);
    }

    private String outbound(String text, int minutesAgo) {
        String wamid = "wamid.out." + TestData.unique();
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, wamid, status, created_at)
                SELECT number_id, contact_id, id, 'OUTBOUND', 'AGENT', agent_id, 'TEXT', ?, ?, 'DELIVERED', ?
                  FROM tickets WHERE id = ?
                """, text, wamid, Timestamp.from(TestClock.START.minusSeconds(60L * minutesAgo)), ticket);
        return wamid;
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
