package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Desk through MockMvc: what the list shows, who may see and answer a ticket, how messages are drawn,
 * what the composer accepts and refuses, and how the timeline pages backwards.
 */
@IntegrationTest
class DeskPageTest {

    private static final Pattern LISTED_TICKET = Pattern.compile("data-ticket-id=\"(\\d+)\"");
    private static final Pattern MESSAGE = Pattern.compile("data-message-id=\"(\\d+)\"");
    private static final Pattern OLDER = Pattern.compile("class=\"[^\"]*load-older\"\\s+hx-get=\"([^\"]+)\"");
    private static final Pattern QUEUE = Pattern.compile("id=\"queue-size\"[^>]*>([^<]*)<");
    private static final Pattern DAY_SEPARATOR = Pattern.compile("class=\"day-separator\"\\s*>\\s*<span>([^<]+)</span>");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long number;

    @BeforeEach
    void aNumberThatNeverClosesTicketsByItself() {
        clock.set(TestClock.START);
        number = quietNumber("Desk " + TestData.unique());
    }

    @AfterEach
    void clockBackToStart() {
        clock.set(TestClock.START);
    }

    // ---------------------------------------------------------------------------------------------- list

    @Test
    void theListShowsOnlyMyAssignedAndOpenTicketsThoseWhoseCustomerWroteLastFirst() throws Exception {
        // OFFLINE: a WAITING ticket sits on this number and the distribution sweep must not hand it to anyone.
        long me = data.agent(number, "OFFLINE");
        long other = data.agent(number, "OFFLINE");

        long replied = ticket(number, "OPEN", me);
        inbound(replied, "Oi", minutesBeforeStart(50));
        outbound(replied, me, "Já te respondo", minutesBeforeStart(2));
        long waitingLonger = ticket(number, "ASSIGNED", me);
        inbound(waitingLonger, "Alguém?", minutesBeforeStart(40));
        long waitingShorter = ticket(number, "OPEN", me);
        outbound(waitingShorter, me, "Mais alguma coisa?", minutesBeforeStart(60));
        inbound(waitingShorter, "Sim, o boleto", minutesBeforeStart(10));

        long othersTicket = ticket(number, "OPEN", other);
        inbound(othersTicket, "Oi", minutesBeforeStart(1));
        long closed = ticket(number, "OPEN", me);
        inbound(closed, "Tchau", minutesBeforeStart(1));
        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START), closed);
        long waitingWithMyName = ticket(number, "WAITING", me);
        inbound(waitingWithMyName, "Na fila", minutesBeforeStart(1));
        long queued = ticket(number, "WAITING", null);
        inbound(queued, "Na fila também", minutesBeforeStart(1));

        String page = page(get("/desk"), userOf(me));

        List<Long> listed = ids(LISTED_TICKET, page);
        assertThat(listed).hasSize(3);
        assertThat(listed.subList(0, 2)).containsExactlyInAnyOrder(waitingLonger, waitingShorter);
        assertThat(listed.get(2)).isEqualTo(replied);
        assertThat(listed).doesNotContain(othersTicket, closed, waitingWithMyName, queued);
    }

    @Test
    void theListShowsTheNumberChosenInTheHeader() throws Exception {
        long second = quietNumber("Z Desk " + TestData.unique());
        long me = data.agent(number, "ONLINE");
        data.member(me, second);
        long onFirst = ticket(number, "OPEN", me);
        long onSecond = ticket(second, "OPEN", me);
        UserDetails user = userOf(me);

        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(second))
                        .with(user(user)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        String page = mvc.perform(get("/desk").cookie(session).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(ids(LISTED_TICKET, page)).containsExactly(onSecond).doesNotContain(onFirst);
    }

    @Test
    void allMyNumbersListsTheTicketsOfEveryNumberUntilTheAgentGoesBackToOne() throws Exception {
        long second = quietNumber("Z Desk " + TestData.unique());
        long me = data.agent(number, "ONLINE");
        data.member(me, second);
        long onFirst = ticket(number, "OPEN", me);
        long onSecond = ticket(second, "OPEN", me);
        UserDetails user = userOf(me);

        Cookie session = mvc.perform(post("/desk/scope").param("allNumbers", "true").with(user(user)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
        String everyNumber = mvc.perform(get("/desk/list").cookie(session).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/desk/scope").param("allNumbers", "false").cookie(session).with(user(user)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String oneNumber = mvc.perform(get("/desk").cookie(session).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(ids(LISTED_TICKET, everyNumber)).containsExactlyInAnyOrder(onFirst, onSecond);
        assertThat(ids(LISTED_TICKET, oneNumber)).containsExactly(onFirst);
    }

    @Test
    void theQueueCountCountsWaitingTicketsOfMyReplyNumbersOnly() throws Exception {
        // "A..." sorts before "B...", so A is the number the desk works on until another is chosen.
        long replyNumber = quietNumber("A Fila " + TestData.unique());
        long watchNumber = quietNumber("B Fila " + TestData.unique());
        long foreignNumber = quietNumber("C Fila " + TestData.unique());
        // OFFLINE, and nobody else online on these numbers: the distribution sweep leaves the queue alone.
        long me = data.agent(replyNumber, "OFFLINE");
        data.member(me, watchNumber);
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ? AND number_id = ?", me, watchNumber);
        for (int i = 0; i < 2; i++) {
            ticket(replyNumber, "WAITING", null);
        }
        for (int i = 0; i < 3; i++) {
            ticket(watchNumber, "WAITING", null);
        }
        for (int i = 0; i < 4; i++) {
            ticket(foreignNumber, "WAITING", null);
        }
        ticket(replyNumber, "ASSIGNED", me);
        ticket(replyNumber, "OPEN", me);
        UserDetails user = userOf(me);

        assertThat(queue(page(get("/desk"), user))).isEqualTo("2 na fila");

        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(watchNumber))
                        .with(user(user)).with(csrf()))
                .andReturn().getResponse().getCookie("SESSION");
        String watching = mvc.perform(get("/desk").cookie(session).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue(watching)).isEqualTo("0 na fila");
    }

    // ---------------------------------------------------------------------------------------------- access

    @Test
    void aTicketOfAnotherNumberIsNotFoundJustLikeOneThatDoesNotExist() throws Exception {
        long me = data.agent(number, "ONLINE");
        long otherNumber = quietNumber("Outra " + TestData.unique());
        long stranger = data.agent(otherNumber, "ONLINE");
        long foreign = ticket(otherNumber, "ASSIGNED", stranger);
        inbound(foreign, "Segredo da outra loja", minutesBeforeStart(5));
        window(foreign, minutesBeforeStart(5));
        UserDetails user = userOf(me);

        for (String path : List.of("/desk/tickets/{id}", "/desk/tickets/{id}/timeline", "/desk/tickets/{id}/composer",
                "/desk/tickets/{id}/header")) {
            mvc.perform(get(path, foreign).with(user(user))).andExpect(status().isNotFound());
            mvc.perform(get(path, Long.MAX_VALUE).with(user(user))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/desk/tickets/{id}/messages", foreign).param("text", "Oi").with(user(user)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desk/tickets/{id}/messages", Long.MAX_VALUE).param("text", "Oi").with(user(user)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(outboundOf(foreign)).isZero();
    }

    @Test
    void aManagerOfTheNumberFollowsAnotherAgentsTicketReadOnly() throws Exception {
        long agent = data.agent(number, "ONLINE");
        String managerEmail = data.email("manager");
        long manager = data.user("MANAGER", managerEmail);
        data.member(manager, number);
        long ticket = ticket(number, "OPEN", agent);
        inbound(ticket, "Meu pedido não chegou", minutesBeforeStart(5));
        window(ticket, minutesBeforeStart(5));

        String managers = page(get("/desk/tickets/{id}", ticket), users.loadUserByUsername(managerEmail));
        assertThat(managers).contains("Meu pedido não chegou").doesNotContain("id=\"reply-form\"")
                .contains("not-mine");
        String agents = page(get("/desk/tickets/{id}", ticket), userOf(agent));
        assertThat(agents).contains("id=\"reply-form\"");

        String refusal = mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "Oi, aqui é a gerente")
                        .with(user(users.loadUserByUsername(managerEmail))).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("não está mais com você");
        assertThat(outboundOf(ticket)).isZero();
    }

    // ---------------------------------------------------------------------------------------------- rendering

    @Test
    void htmlInACustomerMessageIsShownAsText() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        inbound(ticket, "<script>alert('x')</script> <b>oi</b> <img src=x onerror=alert(1)>", minutesBeforeStart(5));

        String page = page(get("/desk/tickets/{id}", ticket), userOf(me));

        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b&gt;oi&lt;/b&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b>oi</b>").doesNotContain("<img src=x");
        // The list's preview of the last message is text too.
        assertThat(page.indexOf("&lt;script&gt;")).isNotEqualTo(page.lastIndexOf("&lt;script&gt;"));
    }

    @Test
    void addressesInMessagesBecomeSafeLinksButJavascriptDoesNot() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        inbound(ticket, "Veja https://loja.example/pedido?id=42 e depois http://example.org/a. "
                + "Não clique em javascript:alert(document.cookie)", minutesBeforeStart(5));

        String page = page(get("/desk/tickets/{id}", ticket), userOf(me));

        assertThat(anchors(page)).contains(
                "<a href=\"https://loja.example/pedido?id=42\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">"
                        + "https://loja.example/pedido?id=42</a>",
                "<a href=\"http://example.org/a\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">"
                        + "http://example.org/a</a>");
        assertThat(page).contains("javascript:alert(document.cookie)").doesNotContainIgnoringCase("href=\"javascript:");
    }

    @Test
    void daySeparatorsFollowTheNumbersTimeZone() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        // 23:30 on the 15th and 00:10 on the 16th in São Paulo: the same day (the 16th) in UTC.
        inbound(ticket, "Boa noite", Instant.parse("2026-11-16T02:30:00Z"));
        outbound(ticket, me, "Bom dia!", Instant.parse("2026-11-16T03:10:00Z"));

        String page = page(get("/desk/tickets/{id}", ticket), userOf(me));

        assertThat(strings(DAY_SEPARATOR, page)).containsExactly("15/11/2026", "16/11/2026");
        assertThat(page).contains("<span>23:30</span>").contains("<span>00:10</span>");
    }

    @Test
    void aCustomerMessageShowsWhenItArrivedAndWhatsAppsImplausibleTimeBeside() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        long message = inbound(ticket, "Mensagem do futuro", Instant.parse("2026-11-16T16:55:00Z"));
        jdbc.update("UPDATE messages SET implausible_timestamp = 253402300799 WHERE id = ?", message);

        String page = page(get("/desk/tickets/{id}", ticket), userOf(me));

        assertThat(page).contains("<span title=\"Horário de chegada. O WhatsApp informou 31/12/9999 20:59:59, um "
                + "horário improvável.\">13:55</span>");
    }

    // ---------------------------------------------------------------------------------------------- composer

    @Test
    void theAssignedAgentsReplyInsideTheWindowIsQueuedAndPutsTheTicketInService() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "ASSIGNED", me);
        inbound(ticket, "Oi, preciso de ajuda", minutesBeforeStart(10));
        window(ticket, minutesBeforeStart(10));
        clock.advance(Duration.ofMinutes(3));

        String timeline = mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "  Olá! Como posso ajudar?\n")
                        .with(user(userOf(me))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(timeline).contains("Olá! Como posso ajudar?").contains("Oi, preciso de ajuda");
        assertThat(jdbc.queryForList("""
                SELECT body, status, author_type, author_user_id FROM messages
                 WHERE ticket_id = ? AND direction = 'OUTBOUND'
                """, ticket)).singleElement().satisfies(message -> assertThat(message)
                .containsEntry("body", "Olá! Como posso ajudar?").containsEntry("status", "PENDING")
                .containsEntry("author_type", "AGENT").containsEntry("author_user_id", me));
        assertThat(jdbc.queryForMap("SELECT status, first_response_at FROM tickets WHERE id = ?", ticket))
                .containsEntry("status", "OPEN").containsEntry("first_response_at", Timestamp.from(clock.instant()));
    }

    @Test
    void theHeaderFragmentShowsTheTicketAsItIsAfterTheFirstReplyLikeTheList() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "ASSIGNED", me);
        inbound(ticket, "Oi", minutesBeforeStart(10));
        window(ticket, minutesBeforeStart(10));
        UserDetails user = userOf(me);
        assertThat(page(get("/desk/tickets/{id}/header", ticket), user)).contains(">Atribuído<");

        mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "Olá!").with(user(user)).with(csrf()))
                .andExpect(status().isOk());

        String header = page(get("/desk/tickets/{id}/header", ticket), user);
        assertThat(header).contains(">Em atendimento<").contains("id=\"close-button\"").doesNotContain("<header");
        assertThat(page(get("/desk/list"), user)).contains(">Em atendimento<");
        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START), ticket);
        assertThat(page(get("/desk/tickets/{id}/header", ticket), user)).contains(">Encerrado<")
                .doesNotContain("close-button").doesNotContain("transfer-button");
    }

    @Test
    void freeTextAfterTheWindowIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "ASSIGNED", me);
        Instant lastWord = minutesBeforeStart(10);
        inbound(ticket, "Oi", lastWord);
        window(ticket, lastWord);
        clock.set(lastWord.plus(Duration.ofHours(24)).plusSeconds(60));
        UserDetails user = userOf(me);

        String refusal = mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "Ainda está aí?")
                        .with(user(user)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(refusal).contains("A janela de 24 horas expirou");
        assertThat(outboundOf(ticket)).isZero();
        assertThat(statusOf(ticket)).isEqualTo("ASSIGNED");
        String page = page(get("/desk/tickets/{id}", ticket), user);
        assertThat(page).doesNotContain("id=\"reply-form\"").contains("window-expired")
                .contains("A janela de 24 horas desta conversa expirou");
    }

    @Test
    void justInsideTheWindowFreeTextStillGoes() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        Instant lastWord = minutesBeforeStart(10);
        inbound(ticket, "Oi", lastWord);
        window(ticket, lastWord);
        clock.set(lastWord.plus(Duration.ofHours(24)).minusSeconds(60));

        mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "Ainda dá tempo")
                        .with(user(userOf(me))).with(csrf()))
                .andExpect(status().isOk());
        assertThat(outboundOf(ticket)).isOne();
    }

    @Test
    void anotherAgentsReplyIsRefusedAsNoLongerTheirs() throws Exception {
        long me = data.agent(number, "ONLINE");
        long other = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        inbound(ticket, "Oi", minutesBeforeStart(5));
        window(ticket, minutesBeforeStart(5));

        String refusal = mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "Eu respondo!")
                        .with(user(userOf(other))).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(refusal).contains("não está mais com você");
        assertThat(outboundOf(ticket)).isZero();
    }

    @Test
    void anEmptyOrTooLongReplyIsRefusedAndNothingIsStored() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "ASSIGNED", me);
        inbound(ticket, "Oi", minutesBeforeStart(5));
        window(ticket, minutesBeforeStart(5));
        UserDetails user = userOf(me);

        for (String text : List.of("", "   \n  ", "x".repeat(4097))) {
            String refusal = mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", text)
                            .with(user(user)).with(csrf()))
                    .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
            assertThat(refusal).as("refusal of a %d-char reply", text.length())
                    .contains("Escreva uma mensagem de até 4.096 caracteres");
        }
        assertThat(outboundOf(ticket)).isZero();
        assertThat(statusOf(ticket)).isEqualTo("ASSIGNED");

        mvc.perform(post("/desk/tickets/{id}/messages", ticket).param("text", "y".repeat(4096))
                        .with(user(user)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT length(body) FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                Integer.class, ticket)).isEqualTo(4096);
    }

    // ---------------------------------------------------------------------------------------------- timeline

    @Test
    void olderMessagesComePageByPageOfFiftyBackwards() throws Exception {
        long me = data.agent(number, "ONLINE");
        long ticket = ticket(number, "OPEN", me);
        Map<String, Object> where = jdbc.queryForMap("SELECT number_id, contact_id FROM tickets WHERE id = ?", ticket);
        // 120 messages a minute apart, every third one the agent's; all created at distinct instants but the
        // last two, which share one so that the (created_at, id) order is exercised too.
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, status, created_at)
                SELECT ?, ?, ?, CASE WHEN g % 3 = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END,
                       CASE WHEN g % 3 = 0 THEN 'AGENT' ELSE 'CUSTOMER' END,
                       CASE WHEN g % 3 = 0 THEN ?::bigint END, 'TEXT', 'Mensagem ' || g,
                       CASE WHEN g % 3 = 0 THEN 'READ' END,
                       ?::timestamptz - make_interval(mins => 200 - least(g, 119))
                  FROM generate_series(1, 120) g
                """, where.get("number_id"), where.get("contact_id"), ticket, me, Timestamp.from(TestClock.START));
        List<Long> all = jdbc.queryForList("SELECT id FROM messages WHERE ticket_id = ? ORDER BY created_at, id",
                Long.class, ticket);
        assertThat(all).hasSize(120);
        UserDetails user = userOf(me);

        String newest = page(get("/desk/tickets/{id}/timeline", ticket), user);
        String middle = page(get(older(newest)), user);
        String oldest = page(get(older(middle)), user);

        assertThat(ids(MESSAGE, newest)).containsExactlyElementsOf(all.subList(70, 120));
        assertThat(ids(MESSAGE, middle)).containsExactlyElementsOf(all.subList(20, 70));
        assertThat(ids(MESSAGE, oldest)).containsExactlyElementsOf(all.subList(0, 20));
        assertThat(OLDER.matcher(oldest).find()).as("a button for a page older than the oldest").isFalse();
        List<Long> together = new ArrayList<>(ids(MESSAGE, oldest));
        together.addAll(ids(MESSAGE, middle));
        together.addAll(ids(MESSAGE, newest));
        assertThat(together).containsExactlyElementsOf(all);
        assertThat(oldest).contains(">Mensagem 1<").doesNotContain("Mensagem 21<");

        String ticketPage = page(get("/desk/tickets/{id}", ticket), user);
        assertThat(ids(MESSAGE, ticketPage)).containsExactlyElementsOf(all.subList(70, 120));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Instant minutesBeforeStart(long minutes) {
        return TestClock.START.minus(Duration.ofMinutes(minutes));
    }

    /** An always-open number whose inactivity sweeps never close a test's tickets, however far the clock goes. */
    private long quietNumber(String name) {
        long id = data.openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }

    private long ticket(long numberId, String status, Long agentId) {
        return data.ticket(numberId, data.contact(numberId, "Cliente " + TestData.unique()), status, agentId);
    }

    private long inbound(long ticket, String text, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', 'TEXT', ?, ? FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, text, Timestamp.from(at), ticket);
    }

    private long outbound(long ticket, long agent, String text, Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, status, created_at)
                SELECT number_id, contact_id, id, 'OUTBOUND', 'AGENT', ?, 'TEXT', ?, 'DELIVERED', ? FROM tickets WHERE id = ?
                RETURNING id
                """, Long.class, agent, text, Timestamp.from(at), ticket);
    }

    /** The customer of the ticket last wrote at this instant: the 24-hour window runs from there. */
    private void window(long ticket, Instant lastInbound) {
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = (SELECT contact_id FROM tickets WHERE id = ?)",
                Timestamp.from(lastInbound), ticket);
    }

    private long outboundOf(long ticket) {
        return jdbc.queryForObject("SELECT count(*) FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                Long.class, ticket);
    }

    private String statusOf(long ticket) {
        return jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, ticket);
    }

    private String page(MockHttpServletRequestBuilder request, UserDetails user) throws Exception {
        ResultActions result = mvc.perform(request.with(user(user))).andExpect(status().isOk());
        return result.andReturn().getResponse().getContentAsString();
    }

    private static String older(String timeline) {
        Matcher matcher = OLDER.matcher(timeline);
        assertThat(matcher.find()).as("a button for older messages").isTrue();
        String url = matcher.group(1).replace("&amp;", "&");
        assertThat(matcher.find()).as("a single button for older messages").isFalse();
        return url;
    }

    private static String queue(String page) {
        return strings(QUEUE, page).get(0).strip();
    }

    private static List<Long> ids(Pattern pattern, String page) {
        return strings(pattern, page).stream().map(Long::valueOf).toList();
    }

    private static List<String> strings(Pattern pattern, String page) {
        return pattern.matcher(page).results().map(match -> match.group(1)).toList();
    }

    private static List<String> anchors(String page) {
        return Pattern.compile("<a\\s[^>]*>[^<]*</a>").matcher(page).results()
                .map(match -> match.group().replaceAll("\\s+", " ")).toList();
    }
}
