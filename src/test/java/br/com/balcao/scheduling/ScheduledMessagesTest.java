package br.com.balcao.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.live.LiveEvent;
import br.com.balcao.live.LiveEvents;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduling through the form and sending through the job, on a real PostgreSQL with the test clock: the text inside
 * the 24-hour window, the template outside it, skipped (and the author told) without one, repetition, cancellation,
 * editing, concurrent sweeps sending once, and a sweep that died with the message taken.
 */
@IntegrationTest
class ScheduledMessagesTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired UserDetailsService users;
    @Autowired ScheduledSender sender;
    @Autowired TransactionTemplate transactions;
    @Autowired LiveEvents live;

    long number;
    long agent;
    long contact;
    long template;
    Instant now;

    @BeforeEach
    void aNumberAnAgentAContactAndATemplate() {
        // Far from other tests' rows: nothing of theirs is due at this test's times.
        now = TestClock.START.plus(Duration.ofDays(3000 + TestData.unique() % 1000));
        clock.set(now);
        number = data.quietNumber("Agenda " + TestData.unique());
        agent = data.agent(number, "OFFLINE");
        contact = data.contact(number, "Maria Agenda");
        template = jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', 'Olá {{1}}, lembrete da loja.', 'APPROVED') RETURNING id""",
                Long.class, number, "lembrete_" + TestData.unique());
    }

    // ------------------------------------------------------------------------------------------ sending

    @Test
    void insideTheWindowTheTextGoesAsItIsOnTheContactsOpenTicket() throws Exception {
        wroteMinutesAgo(contact, 30);
        long ticket = data.ticket(number, contact, "OPEN", agent);
        long id = schedule(contact, inMinutes(60), "Seu pedido chegou!", "NONE", null);

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();

        Map<String, Object> sent = onlyMessageOf(contact);
        assertThat(sent).containsEntry("ticket_id", ticket).containsEntry("type", "TEXT")
                .containsEntry("body", "Seu pedido chegou!").containsEntry("author_user_id", agent);
        assertThat(statusOf(id)).isEqualTo("SENT");
        assertThat(resultOf(id)).isEqualTo("sent");
    }

    @Test
    void aTicketAnotherAgentServesStaysTheirsAndAWaitingOneIsTakenByTheAuthor() throws Exception {
        wroteMinutesAgo(contact, 30);
        long colleague = data.agent(number, "OFFLINE");
        long served = data.ticket(number, contact, "OPEN", colleague);
        schedule(contact, inMinutes(60), "Para o ticket do colega", "NONE", null);
        long waitingContact = data.contact(number, "Na fila");
        wroteMinutesAgo(waitingContact, 30);
        long waiting = data.ticket(number, waitingContact, "WAITING", null);
        schedule(waitingContact, inMinutes(60), "Para a fila", "NONE", null);

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();

        assertThat(onlyMessageOf(contact)).containsEntry("ticket_id", served);
        assertThat(jdbc.queryForMap("SELECT status, agent_id FROM tickets WHERE id = ?", served))
                .containsEntry("status", "OPEN").containsEntry("agent_id", colleague);
        assertThat(onlyMessageOf(waitingContact)).containsEntry("ticket_id", waiting);
        assertThat(jdbc.queryForMap("SELECT status, agent_id FROM tickets WHERE id = ?", waiting))
                .containsEntry("status", "OPEN").containsEntry("agent_id", agent);
    }

    @Test
    void theDeskCardLinksToTheForm() throws Exception {
        long ticket = data.ticket(number, contact, "OPEN", agent);
        String card = mvc.perform(get("/desk/tickets/{id}/card", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(card).contains("/scheduled/new?contactId=" + contact);
    }

    @Test
    void outsideTheWindowTheChosenTemplateGoesAsAnActiveMessageOpeningATicket() throws Exception {
        long id = schedule(contact, inMinutes(60), "Texto livre", "NONE", template, "Maria");

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();

        Map<String, Object> sent = onlyMessageOf(contact);
        assertThat(sent).containsEntry("type", "TEMPLATE").containsEntry("body", "Olá Maria, lembrete da loja.");
        assertThat(jdbc.queryForObject("SELECT opened_by_active_message FROM tickets WHERE id = ?", Boolean.class,
                sent.get("ticket_id"))).isTrue();
        assertThat(resultOf(id)).isEqualTo("sent-template");
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingIsSentAndTheAuthorSeesWhyInTheirList() throws Exception {
        long id = schedule(contact, inMinutes(60), "Texto livre", "NONE", null);

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();

        assertThat(messagesOf(contact)).isZero();
        assertThat(statusOf(id)).isEqualTo("SKIPPED");
        String list = mvc.perform(get("/scheduled").with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("a janela de 24 horas estava fechada e não havia modelo escolhido");
    }

    @Test
    void aSkippedMessageIsAnnouncedLiveAndShownToItsAuthorOnTheDeskUntilDismissed() throws Exception {
        long id = schedule(contact, inMinutes(60), "Texto livre", "NONE", null);
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(heard::add)) {
            clock.set(now.plus(Duration.ofMinutes(61)));
            sweep();

            // Through the database's notifications, as every instance hears it: the Desk redraws its list on it.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(event ->
                    event.kind().equals("ScheduledMessageSkipped") && event.agentId() == agent
                            && event.numberId() == number && event.contactId() == contact));
        }
        String desk = mvc.perform(get("/desk").with(user(userOf(agent)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(desk).contains("id=\"skipped-notices\"", "hx-get=\"/scheduled/skipped\"");
        assertThat(notices(agent)).contains("Mensagem agendada para Maria Agenda", "não enviada",
                "a janela de 24 horas estava fechada e não havia modelo escolhido", "/scheduled/skipped/" + id + "/dismiss");
        long colleague = data.agent(number, "OFFLINE");
        assertThat(notices(colleague)).doesNotContain("Maria Agenda");

        // A colleague cannot dismiss it for the author; the author can.
        mvc.perform(post("/scheduled/skipped/{id}/dismiss", id).with(user(userOf(colleague))).with(csrf()))
                .andExpect(status().isOk());
        assertThat(notices(agent)).contains("Maria Agenda");
        mvc.perform(post("/scheduled/skipped/{id}/dismiss", id).with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isOk());
        assertThat(notices(agent)).doesNotContain("Maria Agenda");
        assertThat(mvc.perform(get("/scheduled/skipped").param("lang", "en").with(user(userOf(agent))))
                .andReturn().getResponse().getContentAsString()).doesNotContain("skipped-notice");
    }

    @Test
    void aSentMessageLeavesNoNotice() throws Exception {
        wroteMinutesAgo(contact, 30);
        schedule(contact, inMinutes(60), "Oi", "NONE", null);
        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();
        assertThat(messagesOf(contact)).isEqualTo(1);
        assertThat(notices(agent)).doesNotContain("Maria Agenda");
    }

    private String notices(long userId) throws Exception {
        return mvc.perform(get("/scheduled/skipped").with(user(userOf(userId)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aDailyMessageGoesOnAtTheSameLocalTimeTheNextDay() throws Exception {
        wroteMinutesAgo(contact, 10);
        LocalDateTime first = inMinutes(60);
        long id = schedule(contact, first, "Bom dia!", "DAILY", null);

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();

        assertThat(messagesOf(contact)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("SCHEDULED");
        assertThat(jdbc.queryForObject("SELECT due_at FROM scheduled_messages WHERE id = ?", Timestamp.class, id)
                .toInstant()).isEqualTo(first.plusDays(1).atZone(SAO_PAULO).toInstant());
        sweep();
        assertThat(messagesOf(contact)).isEqualTo(1);
    }

    @Test
    void aCancelledMessageIsNotSent() throws Exception {
        wroteMinutesAgo(contact, 10);
        long id = schedule(contact, inMinutes(60), "Cancelar", "NONE", null);
        mvc.perform(post("/scheduled/{id}/cancel", id).with(user(userOf(agent))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();

        assertThat(messagesOf(contact)).isZero();
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
    }

    @Test
    void anEditedMessageGoesWithItsNewTextAtItsNewTime() throws Exception {
        wroteMinutesAgo(contact, 10);
        long id = schedule(contact, inMinutes(60), "Primeiro texto", "NONE", null);
        LocalDateTime later = inMinutes(120);
        mvc.perform(form(post("/scheduled/{id}", id), later, "Texto novo", "NONE", null))
                .andExpect(status().is3xxRedirection());

        clock.set(now.plus(Duration.ofMinutes(61)));
        sweep();
        assertThat(messagesOf(contact)).isZero();

        clock.set(now.plus(Duration.ofMinutes(121)));
        sweep();
        assertThat(onlyMessageOf(contact)).containsEntry("body", "Texto novo");
    }

    @Test
    void twoSweepsAtOnceSendADueMessageOnce() throws Exception {
        wroteMinutesAgo(contact, 10);
        long id = schedule(contact, inMinutes(60), "Uma vez só", "NONE", null);
        clock.set(now.plus(Duration.ofMinutes(61)));

        CyclicBarrier start = new CyclicBarrier(4);
        List<CompletableFuture<Void>> sweeps = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    await(start);
                    sweep();
                })).toList();
        sweeps.forEach(CompletableFuture::join);

        assertThat(messagesOf(contact)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("SENT");
    }

    @Test
    void aMessageTakenByASweepThatDiedIsSentOnceByTheNext() throws Exception {
        wroteMinutesAgo(contact, 10);
        long id = schedule(contact, inMinutes(60), "Depois da queda", "NONE", null);
        clock.set(now.plus(Duration.ofMinutes(61)));

        // An instance takes the message and dies before its commit: while it holds the row nobody sends it...
        transactions.executeWithoutResult(dying -> {
            jdbc.queryForList("SELECT id FROM scheduled_messages WHERE id = ? FOR UPDATE", id);
            CompletableFuture.runAsync(() -> sender.sendDue(100)).orTimeout(20, TimeUnit.SECONDS).join();
            assertThat(messagesOf(contact)).isZero();
            dying.setRollbackOnly();
        });
        // ...and once it is gone, the next sweep sends it, once.
        sweep();
        sweep();

        assertThat(messagesOf(contact)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("SENT");
    }

    // ------------------------------------------------------------------------------------------ the form

    @Test
    void aTimeInThePastIsRefusedWithAClearMessage() throws Exception {
        String page = mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(contact)),
                        inMinutes(-5), "Atrasada", "NONE", null))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Escolha uma data e hora no futuro.");
        assertThat(scheduledOf(contact)).isZero();
    }

    @Test
    void anEmptyOrTooLongTextOrABadDateIsRefused() throws Exception {
        mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(contact)), inMinutes(60), "", "NONE",
                null)).andExpect(status().isUnprocessableContent());
        mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(contact)), inMinutes(60),
                "x".repeat(4097), "NONE", null)).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/scheduled").param("contactId", String.valueOf(contact)).param("date", "31/02/2030")
                .param("time", "09:00").param("text", "Oi").param("repetition", "NONE")
                .with(user(userOf(agent))).with(csrf())).andExpect(status().isUnprocessableContent());
        assertThat(scheduledOf(contact)).isZero();
        mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(contact)), inMinutes(60),
                "x".repeat(4096), "NONE", null)).andExpect(status().is3xxRedirection());
        assertThat(scheduledOf(contact)).isEqualTo(1);
    }

    @Test
    void aContactOrTemplateOfAnotherNumberIsNotFound() throws Exception {
        long other = data.quietNumber("Outra " + TestData.unique());
        long foreignContact = data.contact(other, "Alheio");
        long foreignTemplate = jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', 'Oi', 'APPROVED') RETURNING id""", Long.class, other,
                "alheio_" + TestData.unique());
        mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(foreignContact)), inMinutes(60), "Oi",
                "NONE", null)).andExpect(status().isNotFound());
        mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(contact)), inMinutes(60), "Oi",
                "NONE", foreignTemplate)).andExpect(status().isNotFound());
        assertThat(scheduledOf(contact)).isZero();
    }

    @Test
    void anotherAgentDoesNotFindMyMessage() throws Exception {
        long id = schedule(contact, inMinutes(60), "Meu", "NONE", null);
        long colleague = data.agent(number, "OFFLINE");
        mvc.perform(post("/scheduled/{id}/cancel", id).with(user(userOf(colleague))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(id)).isEqualTo("SCHEDULED");
    }

    @Test
    void theFormOffersTheNumbersTemplatesWithAFieldPerVariableInEitherLanguage() throws Exception {
        String page = mvc.perform(get("/scheduled/new").param("contactId", String.valueOf(contact)).param("lang", "en")
                        .with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Schedule a message", "Olá {{1}}, lembrete da loja.", "Variable {{1}}",
                "America/Sao_Paulo").doesNotContain("??");
        String portuguese = mvc.perform(get("/scheduled/new").param("contactId", String.valueOf(contact))
                        .param("lang", "pt-BR").with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(portuguese).contains("Agendar mensagem", "Variável {{1}}").doesNotContain("??");
    }

    @Test
    void theContactPageLinksToTheForm() throws Exception {
        String page = mvc.perform(get("/conversations/{id}", contact).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/scheduled/new?contactId=" + contact);
    }

    @Test
    void aManagerSeesTheAgentsMessagesOfTheirNumbersAndAnotherAgentDoesNot() throws Exception {
        schedule(contact, inMinutes(60), "Texto do agente " + contact, "NONE", null);
        long manager = data.user("MANAGER", data.email("manager"));
        data.member(manager, number);
        long colleague = data.agent(number, "OFFLINE");
        assertThat(listOf(manager)).contains("Texto do agente " + contact);
        assertThat(listOf(colleague)).doesNotContain("Texto do agente " + contact);
        assertThat(listOf(agent)).contains("Texto do agente " + contact).doesNotContain("??");
    }

    private String listOf(long userId) throws Exception {
        return mvc.perform(get("/scheduled").param("lang", "en").with(user(userOf(userId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * A sweep, then a wait for any sweep of the application's own schedule that took one of this number's messages at
     * the same moment (a lock waited for, not skipped), so that what it sent is committed before the assertions.
     */
    private void sweep() {
        sender.sendDue(100);
        transactions.executeWithoutResult(waiting -> jdbc.queryForList(
                "SELECT id FROM scheduled_messages WHERE number_id = ? FOR UPDATE", number));
    }

    private long schedule(long contactId, LocalDateTime at, String text, String repetition, Long templateId,
            String... values) throws Exception {
        mvc.perform(form(post("/scheduled").param("contactId", String.valueOf(contactId)), at, text, repetition,
                templateId, values)).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("SELECT max(id) FROM scheduled_messages WHERE contact_id = ?", Long.class,
                contactId);
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, LocalDateTime at, String text,
            String repetition, Long templateId, String... values) {
        request.param("date", at.toLocalDate().toString()).param("time", at.toLocalTime().toString().substring(0, 5))
                .param("text", text).param("repetition", repetition).with(user(userOf(agent))).with(csrf());
        if (templateId != null) {
            request.param("templateId", templateId.toString()).param("values", values);
        }
        return request;
    }

    private LocalDateTime inMinutes(int minutes) {
        return LocalDateTime.ofInstant(now.plus(Duration.ofMinutes(minutes)), SAO_PAULO).withSecond(0).withNano(0)
                .plusMinutes(minutes > 0 ? 1 : 0);
    }

    private void wroteMinutesAgo(long contactId, int minutes) {
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(now.minus(Duration.ofMinutes(minutes))), contactId);
    }

    private Map<String, Object> onlyMessageOf(long contactId) {
        return jdbc.queryForMap("SELECT * FROM messages WHERE contact_id = ? AND author_type = 'AGENT'", contactId);
    }

    private int messagesOf(long contactId) {
        return jdbc.queryForObject("SELECT count(*) FROM messages WHERE contact_id = ? AND author_type = 'AGENT'",
                Integer.class, contactId);
    }

    private int scheduledOf(long contactId) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_messages WHERE contact_id = ?", Integer.class,
                contactId);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM scheduled_messages WHERE id = ?", String.class, id);
    }

    private String resultOf(long id) {
        return jdbc.queryForObject("SELECT last_result FROM scheduled_messages WHERE id = ?", String.class, id);
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
