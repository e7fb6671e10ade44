package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every close reason from every state it can come from, with the clock moved by hand. */
@IntegrationTest
class TicketLifecycleTest {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    TicketActions actions;

    @Autowired
    InactivityCloser inactivity;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long number;
    String waId;

    @BeforeEach
    void anOpenNumberWithTimeouts() {
        clock.set(TestClock.START);
        number = data.openNumber("Ciclo " + TestData.unique());
        jdbc.update("UPDATE business_numbers SET customer_inactivity_minutes = 60, queue_timeout_minutes = 120 WHERE id = ?",
                number);
        waId = TestData.waId();
    }

    @Test
    void theExitKeywordClosesAnAssignedTicketAsAbandonedAndAnOpenOneAsClient() {
        long agent = data.agent(number, "ONLINE");
        long assigned = customerWrites("Oi");
        assertThat(row(assigned)).containsEntry("status", "ASSIGNED").containsEntry("agent_id", agent);
        customerWrites("sair");
        assertThat(row(assigned)).containsEntry("status", "CLOSED").containsEntry("close_reason", "ABANDONED");

        long open = customerWrites("Oi de novo");
        actions.reply(open, agent, "Olá! Como posso ajudar?");
        assertThat(row(open)).containsEntry("status", "OPEN");
        customerWrites("SAIR");
        assertThat(row(open)).containsEntry("status", "CLOSED").containsEntry("close_reason", "CLIENT");
    }

    @Test
    void theFirstReplyPutsTheTicketInServiceAndRecordsTheFirstResponseTime() {
        long agent = data.agent(number, "ONLINE");
        long ticket = customerWrites("Preciso de ajuda");
        clock.advance(Duration.ofMinutes(3));

        long message = actions.reply(ticket, agent, "Claro!");

        assertThat(row(ticket)).containsEntry("status", "OPEN")
                .containsEntry("first_response_at", java.sql.Timestamp.from(clock.instant()));
        assertThat(jdbc.queryForMap("SELECT status, author_type, author_user_id FROM messages WHERE id = ?", message))
                .containsEntry("status", "PENDING").containsEntry("author_type", "AGENT")
                .containsEntry("author_user_id", agent);
    }

    @Test
    void customerSilenceClosesByStateAfterTheTimeouts() {
        long agent = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET ticket_slots = 2 WHERE id = ?", agent);
        long open = customerWrites("Oi", TestData.waId());
        actions.reply(open, agent, "Olá!");
        long assigned = customerWrites("Oi", TestData.waId());
        long waiting = customerWrites("Oi", TestData.waId());
        assertThat(row(waiting)).containsEntry("status", "WAITING");

        clock.advance(Duration.ofMinutes(59));
        inactivity.closeInactive();
        assertThat(List.of(row(open), row(assigned), row(waiting)))
                .allSatisfy(ticket -> assertThat(ticket.get("status")).isNotEqualTo("CLOSED"));

        clock.advance(Duration.ofMinutes(2));
        inactivity.closeInactive();
        assertThat(row(open)).containsEntry("close_reason", "CLIENT_INACTIVITY");
        assertThat(row(assigned)).containsEntry("status", "ASSIGNED");

        clock.advance(Duration.ofMinutes(60));
        inactivity.closeInactive();
        assertThat(row(assigned)).containsEntry("close_reason", "ABANDONED");
        assertThat(row(waiting)).containsEntry("status", "CLOSED");
    }

    @Test
    void aWaitingTicketLeftPastTheQueueTimeoutIsLost() {
        long waiting = customerWrites("Alguém aí?");
        clock.advance(Duration.ofMinutes(121));
        inactivity.closeInactive();
        assertThat(row(waiting)).containsEntry("close_reason", "LOST").containsEntry("agent_id", null);
    }

    @Test
    void anOpenTicketWhoseCustomerWroteLastIsNotClosedForInactivity() {
        long agent = data.agent(number, "ONLINE");
        long ticket = customerWrites("Oi");
        actions.reply(ticket, agent, "Olá!");
        customerWrites("Estou esperando o boleto");
        clock.advance(Duration.ofMinutes(90));
        inactivity.closeInactive();
        assertThat(row(ticket)).containsEntry("status", "OPEN");
    }

    @Test
    void theAgentClosesWithTags() {
        long agent = data.agent(number, "ONLINE");
        long ticket = customerWrites("Oi");
        long tag = jdbc.queryForObject("INSERT INTO tags (name) VALUES (?) RETURNING id", Long.class,
                "Elogio " + TestData.unique());

        actions.close(ticket, agent, List.of(tag));

        assertThat(row(ticket)).containsEntry("status", "CLOSED").containsEntry("close_reason", "ATTENDANT");
        assertThat(jdbc.queryForList("SELECT tag_id FROM ticket_tags WHERE ticket_id = ?", Long.class, ticket))
                .containsExactly(tag);
    }

    @Test
    void aTransferClosesTheTicketAndOpensALinkedOneForTheTargetWithoutTags() {
        long from = data.agent(number, "ONLINE");
        long to = data.agent(number, "OFFLINE");
        long ticket = customerWrites("Oi");
        long tag = jdbc.queryForObject("INSERT INTO tags (name) VALUES (?) RETURNING id", Long.class,
                "Venda " + TestData.unique());
        jdbc.update("INSERT INTO ticket_tags VALUES (?, ?)", ticket, tag);

        long next = actions.transfer(ticket, from, to);

        assertThat(row(ticket)).containsEntry("close_reason", "TRANSFERRED");
        assertThat(row(next)).containsEntry("status", "ASSIGNED").containsEntry("agent_id", to)
                .containsEntry("parent_ticket_id", ticket);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ticket_tags WHERE ticket_id = ?", Long.class, next)).isZero();
        assertThat(customerWrites("Continuando")).isEqualTo(next);
    }

    @Test
    void onlyTheAssignedAgentActsAndOnlyOnTicketsInService() {
        long agent = data.agent(number, "ONLINE");
        long other = data.agent(number, "OFFLINE");
        long ticket = customerWrites("Oi");

        assertThatThrownBy(() -> actions.reply(ticket, other, "Oi")).isInstanceOf(TicketConflictException.class)
                .hasMessage("not-yours");
        assertThatThrownBy(() -> actions.transfer(ticket, agent, data.agent(data.openNumber("X"), "ONLINE")))
                .isInstanceOf(TicketConflictException.class).hasMessage("target-not-agent");
        actions.close(ticket, agent, List.of());
        assertThatThrownBy(() -> actions.reply(ticket, agent, "Oi")).isInstanceOf(TicketConflictException.class)
                .hasMessage("not-in-service");
    }

    @Test
    void anAgentWhoLostTheReplyPermissionCanNoLongerActOnTheirTicket() {
        long agent = data.agent(number, "ONLINE");
        long ticket = customerWrites("Oi");
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", agent);

        assertThatThrownBy(() -> actions.reply(ticket, agent, "Oi")).isInstanceOf(TicketConflictException.class)
                .hasMessage("not-yours");
        assertThatThrownBy(() -> actions.close(ticket, agent, List.of())).isInstanceOf(TicketConflictException.class);
        assertThat(row(ticket)).containsEntry("status", "ASSIGNED");
    }

    @Test
    void freeTextIsRefusedOutsideTheWindowButAnApprovedTemplateGoesThrough() {
        long agent = data.agent(number, "ONLINE");
        long ticket = customerWrites("Oi");
        clock.advance(Duration.ofHours(24).plusMinutes(1));

        assertThatThrownBy(() -> actions.reply(ticket, agent, "Ainda aí?")).isInstanceOf(TicketConflictException.class)
                .hasMessage("window-expired");

        long template = approvedTemplate("Olá, {{1}}! Seu pedido {{2}} está pronto.");
        long contact = jdbc.queryForObject("SELECT contact_id FROM tickets WHERE id = ?", Long.class, ticket);
        long message = actions.sendActiveMessage(contact, template, List.of("Ana", "#42"), agent);

        assertThat(jdbc.queryForMap("SELECT type, body, template_params::text AS params, ticket_id FROM messages WHERE id = ?",
                message)).containsEntry("type", "TEMPLATE").containsEntry("body", "Olá, Ana! Seu pedido #42 está pronto.")
                .containsEntry("params", "[\"Ana\", \"#42\"]").containsEntry("ticket_id", ticket);
    }

    @Test
    void anActiveMessageToAContactWithNoTicketOpensOneInServiceMarkedAsActive() {
        long agent = data.agent(number, "ONLINE");
        long contact = data.contact(number, "Sem conversa");
        long template = approvedTemplate("Oi {{1}}");

        long message = actions.sendActiveMessage(contact, template, List.of("Zé"), agent);

        long ticket = jdbc.queryForObject("SELECT ticket_id FROM messages WHERE id = ?", Long.class, message);
        assertThat(row(ticket)).containsEntry("status", "OPEN").containsEntry("agent_id", agent)
                .containsEntry("opened_by_active_message", true);
        assertThatThrownBy(() -> actions.sendActiveMessage(contact, template, List.of(), agent))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActiveMessageOnTheAgentsAssignedTicketIsItsFirstResponseAndAQueuedTicketBecomesTheSenders() {
        long agent = data.agent(number, "ONLINE");
        long assigned = customerWrites("Oi");
        long template = approvedTemplate("Oi {{1}}");
        long contact = jdbc.queryForObject("SELECT contact_id FROM tickets WHERE id = ?", Long.class, assigned);
        actions.sendActiveMessage(contact, template, List.of("Ana"), agent);
        assertThat(row(assigned)).containsEntry("status", "OPEN")
                .containsEntry("first_response_at", java.sql.Timestamp.from(clock.instant()));

        jdbc.update("UPDATE app_users SET status = 'OFFLINE' WHERE id = ?", agent);
        long queued = customerWrites("Oi", TestData.waId());
        assertThat(row(queued)).containsEntry("status", "WAITING");
        long queuedContact = jdbc.queryForObject("SELECT contact_id FROM tickets WHERE id = ?", Long.class, queued);
        actions.sendActiveMessage(queuedContact, template, List.of("Zé"), agent);
        assertThat(row(queued)).containsEntry("status", "OPEN").containsEntry("agent_id", agent);
    }

    private long approvedTemplate(String body) {
        return jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', ?, 'APPROVED') RETURNING id
                """, Long.class, number, "modelo_" + TestData.unique(), body);
    }

    private long customerWrites(String text) {
        return customerWrites(text, waId);
    }

    private long customerWrites(String text, String from) {
        pipeline.receive(number, InboundMessage.text("wamid.l" + TestData.unique(), from, "Cliente", clock.instant(), text));
        return jdbc.queryForObject("""
                SELECT m.ticket_id FROM messages m JOIN contacts c ON c.id = m.contact_id
                 WHERE c.number_id = ? AND c.wa_id = ? ORDER BY m.id DESC LIMIT 1
                """, Long.class, number, from);
    }

    private Map<String, Object> row(long ticket) {
        return jdbc.queryForMap("SELECT * FROM tickets WHERE id = ?", ticket);
    }
}
