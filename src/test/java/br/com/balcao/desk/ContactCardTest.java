package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The Desk's right column through MockMvc: who sees the card and who may edit the contact, the server's
 * validation of the contact's fields, notes shown as text, tags on open and closed tickets, and the close
 * and transfer dialogs with the endpoints they post to.
 */
@IntegrationTest
class ContactCardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContactDirectory contacts;

    long number;
    long agent;
    long contact;
    long ticket;

    @BeforeEach
    void anAgentServingATicket() {
        number = quietNumber("Cartão " + TestData.unique());
        // OFFLINE: the distribution sweep hands nothing to anyone while the tests run.
        agent = data.agent(number, "OFFLINE");
        contact = data.contact(number, "Maria Sílvia");
        ticket = data.ticket(number, contact, "OPEN", agent);
    }

    // ---------------------------------------------------------------------------------------------- access

    @Test
    void theCardOfAnotherNumbersTicketIsNotFoundAndNothingThereCanBeChanged() throws Exception {
        long otherNumber = quietNumber("Outra " + TestData.unique());
        UserDetails stranger = userOf(data.agent(otherNumber, "OFFLINE"));
        long tag = tag("Estranha");

        mvc.perform(get("/desk/tickets/{id}/card", ticket).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/desk/tickets/{id}/close-dialog", ticket).with(user(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/desk/tickets/{id}/transfer-dialog", ticket).with(user(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desk/tickets/{id}/contact", ticket).param("name", "Invasor")
                .with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "contact").param("text", "oi")
                .with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/desk/tickets/{id}/tags", ticket).param("tagId", String.valueOf(tag))
                .with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/desk/tickets/{id}/card", Long.MAX_VALUE).with(user(userOf(agent))))
                .andExpect(status().isNotFound());

        assertThat(contactRow().get("name")).isEqualTo("Maria Sílvia");
        assertThat(notesOfContact()).isZero();
        assertThat(tagsOf(ticket)).isEmpty();
    }

    @Test
    void theCardShowsTheContactItsTagsNotesAndEarlierTicketsAsText() throws Exception {
        jdbc.update("UPDATE contacts SET name = ?, email = 'maria@example.com', city = 'Campinas', document = '12345678909' WHERE id = ?",
                "<b>Maria</b> & Cia", contact);
        long tag = tag("<i>Venda</i>");
        jdbc.update("INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)", ticket, tag);
        long earlier = closedEarlierTicket();

        String card = page(get("/desk/tickets/{id}/card", ticket), userOf(agent));

        assertThat(card).contains("id=\"card-contact-form\"")
                .contains("value=\"&lt;b&gt;Maria&lt;/b&gt; &amp; Cia\"").doesNotContain("<b>Maria</b>")
                .contains("value=\"maria@example.com\"").contains("value=\"Campinas\"")
                .contains("value=\"123.456.789-09\"")
                .contains("&lt;i&gt;Venda&lt;/i&gt;").doesNotContain("<i>Venda</i>")
                .contains("fill=\"#0d6efd\"")
                .contains("href=\"/desk/tickets/" + earlier + "\"")
                .contains("pelo atendente")
                .doesNotContain("style=");
    }

    // ---------------------------------------------------------------------------------------------- contact

    @Test
    void aValidEditIsSavedTheDocumentAsDigitsAndTheNameIsKeptFromWhatsApp() throws Exception {
        mvc.perform(post("/desk/tickets/{id}/contact", ticket)
                        .param("name", "  Maria Sílvia Prado ").param("email", "maria.prado@example.com.br")
                        .param("city", "São José dos Campos").param("document", "123.456.789-09")
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "desk-refresh-list"));

        Map<String, Object> row = contactRow();
        assertThat(row).containsEntry("name", "Maria Sílvia Prado").containsEntry("name_edited", true)
                .containsEntry("email", "maria.prado@example.com.br").containsEntry("city", "São José dos Campos")
                .containsEntry("document", "12345678909");

        // WhatsApp's profile name no longer replaces the edited one.
        String waId = jdbc.queryForObject("SELECT wa_id FROM contacts WHERE id = ?", String.class, contact);
        contacts.upsertFromWhatsApp(number, waId, "Mari do Zap", TestClock.START.plusSeconds(60));
        assertThat(contactRow().get("name")).isEqualTo("Maria Sílvia Prado");
    }

    @Test
    void aCnpjIsAcceptedAndEmptyFieldsAreCleared() throws Exception {
        jdbc.update("UPDATE contacts SET email = 'old@example.com', city = 'Recife' WHERE id = ?", contact);

        mvc.perform(post("/desk/tickets/{id}/contact", ticket).param("name", "Maria Sílvia").param("email", " ")
                        .param("city", "").param("document", "12.345.678/0001-90")
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isOk());

        Map<String, Object> row = contactRow();
        assertThat(row).containsEntry("name", "Maria Sílvia").containsEntry("name_edited", false)
                .containsEntry("document", "12345678000190");
        assertThat(row.get("email")).isNull();
        assertThat(row.get("city")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name     | x121               | O nome pode ter até 120 caracteres.",
            "email    | maria@             | Informe um e-mail válido",
            "email    | maria example.com  | Informe um e-mail válido",
            "city     | x81                | A cidade pode ter até 80 caracteres.",
            "document | 123.456.789        | Informe um CPF (11 dígitos) ou um CNPJ (14 dígitos)",
            "document | 1234567890a        | Informe um CPF (11 dígitos) ou um CNPJ (14 dígitos)",
    })
    void anInvalidFieldComesBackWithItsErrorAndNothingChanges(String field, String value, String error)
            throws Exception {
        String typed = value.startsWith("x") ? "a".repeat(Integer.parseInt(value.substring(1))) : value;
        Map<String, Object> before = contactRow();

        Map<String, String> fields = new HashMap<>(Map.of("name", "Outro Nome", "email", "ok@example.com",
                "city", "Santos", "document", ""));
        fields.put(field, typed);
        MockHttpServletRequestBuilder request = post("/desk/tickets/{id}/contact", ticket);
        fields.forEach(request::param);

        String form = mvc.perform(request.with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        // The form comes back as typed, with the error next to the field.
        assertThat(form).contains(error).contains("is-invalid")
                .contains("value=\"" + (field.equals("name") ? typed : "Outro Nome") + "\"");
        assertThat(contactRow()).isEqualTo(before);
    }

    @Test
    void aMemberWithoutTheContactsPermissionSeesTheFieldsReadOnlyAndMayNotEditThem() throws Exception {
        jdbc.update("UPDATE memberships SET can_contacts = false WHERE user_id = ? AND number_id = ?", agent, number);
        jdbc.update("UPDATE contacts SET document = '12345678909' WHERE id = ?", contact);
        Map<String, Object> before = contactRow();

        String card = page(get("/desk/tickets/{id}/card", ticket), userOf(agent));
        assertThat(card).doesNotContain("card-contact-form").contains("card-read-only").contains("123.456.789-09");

        mvc.perform(post("/desk/tickets/{id}/contact", ticket).param("name", "Nome Trocado")
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(contactRow()).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------- notes

    @Test
    void notesOnTheTicketAndOnTheContactAreShownAsTextWithTheirLineBreaks() throws Exception {
        UserDetails me = userOf(agent);
        String onTicket = mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "ticket")
                        .param("text", "  <script>alert('x')</script>\nSegunda linha  ").with(user(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "contact")
                        .param("text", "Prefere contato à tarde").with(user(me)).with(csrf()))
                .andExpect(status().isOk());

        assertThat(onTicket).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\nSegunda linha")
                .doesNotContain("<script>alert");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT ticket_id, contact_id, author_id, body FROM notes WHERE contact_id = ? ORDER BY id", contact);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("ticket_id", ticket).containsEntry("author_id", agent)
                .containsEntry("body", "<script>alert('x')</script>\nSegunda linha");
        assertThat(rows.get(1).get("ticket_id")).isNull();

        // Both show on the card, and on the card of the contact's next ticket.
        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START), ticket);
        long next = data.ticket(number, contact, "OPEN", agent);
        String card = page(get("/desk/tickets/{id}/card", next), me);
        assertThat(card).contains("Prefere contato à tarde").contains("Segunda linha")
                .contains("Test AGENT");
    }

    @Test
    void anEmptyOrTooLongNoteIsRefusedAndKeepsWhatWasTyped() throws Exception {
        UserDetails me = userOf(agent);
        mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "ticket").param("text", "   \n ")
                        .with(user(me)).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        String tooLong = mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "contact")
                        .param("text", "n".repeat(5001)).with(user(me)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("A nota precisa ter de 1 a 5.000 caracteres.").contains("n".repeat(5001));
        mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "everywhere").param("text", "oi")
                        .with(user(me)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(notesOfContact()).isZero();

        mvc.perform(post("/desk/tickets/{id}/notes", ticket).param("scope", "ticket").param("text", "n".repeat(5000))
                        .with(user(me)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(notesOfContact()).isOne();
    }

    // ---------------------------------------------------------------------------------------------- tags

    @Test
    void tagsAreAddedAndRemovedWhileTheTicketIsNotClosed() throws Exception {
        UserDetails me = userOf(agent);
        long duvida = tag("Dúvida");
        long venda = tag("Venda");

        String tags = mvc.perform(post("/desk/tickets/{id}/tags", ticket).param("tagId", String.valueOf(duvida))
                        .with(user(me)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/desk/tickets/{id}/tags", ticket).param("tagId", String.valueOf(venda))
                .with(user(me)).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/desk/tickets/{id}/tags", ticket).param("tagId", String.valueOf(venda))
                .with(user(me)).with(csrf())).andExpect(status().isOk());
        assertThat(tags).contains("data-tag-id=\"" + duvida + "\"");
        assertThat(tagsOf(ticket)).containsExactlyInAnyOrder(duvida, venda);

        mvc.perform(post("/desk/tickets/{id}/tags/{tag}/delete", ticket, duvida).with(user(me)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(tagsOf(ticket)).containsExactly(venda);

        mvc.perform(post("/desk/tickets/{id}/tags", ticket).param("tagId", String.valueOf(Long.MAX_VALUE))
                .with(user(me)).with(csrf())).andExpect(status().isNotFound());

        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'CLIENT', closed_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START), ticket);
        String refused = mvc.perform(post("/desk/tickets/{id}/tags", ticket).param("tagId", String.valueOf(duvida))
                        .with(user(me)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Ticket encerrado: as etiquetas não mudam mais.");
        mvc.perform(post("/desk/tickets/{id}/tags/{tag}/delete", ticket, venda).with(user(me)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(tagsOf(ticket)).containsExactly(venda);
        assertThat(page(get("/desk/tickets/{id}/card", ticket), me)).doesNotContain("card-tag-select")
                .doesNotContain("tag-remove");
    }

    // ---------------------------------------------------------------------------------------------- close, transfer

    @Test
    void theCloseDialogPreChecksTheTicketsTagsAndClosingStoresTheChosenOnes() throws Exception {
        UserDetails me = userOf(agent);
        long duvida = tag("Dúvida");
        long venda = tag("Venda");
        long troca = tag("Troca");
        jdbc.update("INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)", ticket, duvida);

        String desk = page(get("/desk/tickets/{id}", ticket), me);
        assertThat(desk).contains("id=\"close-button\"").contains("id=\"transfer-button\"")
                .contains("id=\"desk-card\"").contains("desk-with-card");
        String dialog = page(get("/desk/tickets/{id}/close-dialog", ticket), me);
        assertThat(dialog).containsPattern("value=\"" + duvida + "\"\\s+id=\"close-tag-" + duvida + "\"\\s+checked")
                .containsPattern("value=\"" + venda + "\"\\s+id=\"close-tag-" + venda + "\">");

        mvc.perform(post("/desk/tickets/{id}/close", ticket).param("tagIds", String.valueOf(venda), String.valueOf(troca))
                        .with(user(me)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/desk"));

        assertThat(tagsOf(ticket)).containsExactlyInAnyOrder(venda, troca);
        assertThat(jdbc.queryForMap("SELECT status, close_reason FROM tickets WHERE id = ?", ticket))
                .containsEntry("status", "CLOSED").containsEntry("close_reason", "ATTENDANT");
        assertThat(page(get("/desk/tickets/{id}", ticket), me)).doesNotContain("id=\"close-button\"");
        assertThat(page(get("/desk/tickets/{id}/close-dialog", ticket), me)).doesNotContain("close-form")
                .contains("não está mais em atendimento com você");
    }

    @Test
    void theTransferDialogListsTheOtherAgentsOfTheNumberAndANonMemberIsRefusedClearly() throws Exception {
        UserDetails me = userOf(agent);
        long colleague = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET name = 'Bruno Colega' WHERE id = ?", colleague);
        long watcher = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET name = 'Sem Resposta' WHERE id = ?", watcher);
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", watcher);
        long outsider = data.agent(quietNumber("Fora " + TestData.unique()), "ONLINE");
        jdbc.update("UPDATE app_users SET name = 'De Fora' WHERE id = ?", outsider);

        String dialog = page(get("/desk/tickets/{id}/transfer-dialog", ticket), me);
        assertThat(dialog).contains("Bruno Colega").contains("value=\"" + colleague + "\"")
                .contains("status-dot-online")
                .doesNotContain("Sem Resposta").doesNotContain("De Fora").doesNotContain("value=\"" + agent + "\"");

        String refusal = mvc.perform(post("/desk/tickets/{id}/transfer", ticket)
                        .param("agentId", String.valueOf(outsider)).with(user(me)).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("Esse usuário não atende este número.");
        assertThat(jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, ticket))
                .isEqualTo("OPEN");

        mvc.perform(post("/desk/tickets/{id}/transfer", ticket).param("agentId", String.valueOf(colleague))
                        .with(user(me)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/desk"));
        assertThat(jdbc.queryForMap("SELECT status, close_reason FROM tickets WHERE id = ?", ticket))
                .containsEntry("status", "CLOSED").containsEntry("close_reason", "TRANSFERRED");
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE parent_ticket_id = ?", Long.class, ticket))
                .isEqualTo(colleague);
    }

    @Test
    void theTransferDialogShowsEachTargetsStatusAndCapacityOfflineLast() throws Exception {
        long offline = named(data.agent(number, "OFFLINE"), "Aaron Desligado");
        long onBreak = named(data.agent(number, "BREAK"), "Beto Pausa");
        long online = named(data.agent(number, "ONLINE"), "Zeca Ligado");
        long other = quietNumber("Outra " + TestData.unique());
        data.member(online, other);
        for (int i = 0; i < 5; i++) {
            data.ticket(other, data.contact(other, "Ativo " + TestData.unique()), "OPEN", online);
        }
        data.ticket(number, data.contact(number, "Ativo " + TestData.unique()), "ASSIGNED", onBreak);

        String dialog = page(get("/desk/tickets/{id}/transfer-dialog", ticket), userOf(agent));

        assertThat(dialog.indexOf("Zeca Ligado")).isLessThan(dialog.indexOf("Beto Pausa"));
        assertThat(dialog.indexOf("Beto Pausa")).isLessThan(dialog.indexOf("Aaron Desligado"));
        assertThat(dialog).containsPattern("(?s)Zeca Ligado.*?>Online<.*?text-danger[^>]*>5/5<")
                .containsPattern("(?s)Beto Pausa.*?>Pausa<.*?>1/5<")
                .containsPattern("(?s)Aaron Desligado.*?>Offline: só verá o ticket quando entrar<.*?>0/5<");
        assertThat(dialog).contains("value=\"" + offline + "\"");
    }

    private long named(long userId, String name) {
        jdbc.update("UPDATE app_users SET name = ? WHERE id = ?", name, userId);
        return userId;
    }

    @Test
    void someoneWhoDoesNotServeTheTicketGetsNoCloseOrTransferButtons() throws Exception {
        String managerEmail = data.email("manager");
        data.member(data.user("MANAGER", managerEmail), number);
        UserDetails manager = users.loadUserByUsername(managerEmail);

        String desk = page(get("/desk/tickets/{id}", ticket), manager);
        assertThat(desk).doesNotContain("id=\"close-button\"").doesNotContain("id=\"close-dialog\"")
                .contains("id=\"desk-card\"");
        assertThat(page(get("/desk/tickets/{id}/transfer-dialog", ticket), manager)).doesNotContain("transfer-form");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private long closedEarlierTicket() {
        long earlier = data.ticket(number, data.contact(number, "Outra pessoa"), "OPEN", agent);
        jdbc.update("""
                UPDATE tickets SET contact_id = ?, status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ?,
                                   created_at = ? WHERE id = ?
                """, contact, Timestamp.from(TestClock.START), Timestamp.from(TestClock.START.minus(Duration.ofDays(3))),
                earlier);
        return earlier;
    }

    private long quietNumber(String name) {
        long id = data.openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    private long tag(String name) {
        return jdbc.queryForObject("INSERT INTO tags (name, color) VALUES (?, '#0d6efd') RETURNING id", Long.class,
                name + " " + TestData.unique());
    }

    private List<Long> tagsOf(long ticketId) {
        return jdbc.queryForList("SELECT tag_id FROM ticket_tags WHERE ticket_id = ?", Long.class, ticketId);
    }

    private long notesOfContact() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM notes WHERE contact_id = ? OR ticket_id IN (SELECT id FROM tickets WHERE contact_id = ?)
                """, Long.class, contact, contact);
    }

    private Map<String, Object> contactRow() {
        return jdbc.queryForMap("SELECT name, name_edited, email, city, document FROM contacts WHERE id = ?", contact);
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }

    private String page(MockHttpServletRequestBuilder request, UserDetails user) throws Exception {
        return mvc.perform(request.with(user(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
