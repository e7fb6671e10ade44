package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.templates.HeaderFormat;
import br.com.balcao.templates.HeaderMedia;
import br.com.balcao.templates.TemplateHeader;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundQueue;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The active message component through MockMvc: what it offers, what it sends (the exact rendered text, on
 * the contact's ticket or a new one opened by the active message), and every refusal leaving nothing stored.
 */
@IntegrationTest
class ActiveMessageTest {

    private static final String BODY = "Olá, {{1}}! Aqui é da {{2}}. Podemos continuar seu atendimento?";

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

    @Autowired
    OutboundQueue outbox;

    long number;
    long otherNumber;
    long agent;
    long contact;
    long template;
    String templateName;

    @BeforeEach
    void aNumberWithAnAgentAContactAndAnApprovedTemplate() {
        clock.set(TestClock.START);
        number = quietNumber("Loja " + TestData.unique());
        otherNumber = quietNumber("Outra " + TestData.unique());
        agent = data.agent(number, "OFFLINE");
        contact = data.contact(number, "Maria Conceição");
        templateName = "retorno_" + TestData.unique();
        template = template(number, templateName, BODY, "APPROVED");
    }

    // --------------------------------------------------------------------------------------------- form

    @Test
    void theFormOffersTheNumbersApprovedTemplatesWithTheFirstVariableFilledWithTheContactsName() throws Exception {
        String pending = "pendente_" + TestData.unique();
        template(number, pending, "Pendente {{1}}", "PENDING");
        String foreign = "outro_numero_" + TestData.unique();
        template(otherNumber, foreign, "Outro {{1}}", "APPROVED");

        String form = mvc.perform(get("/desk/contacts/{id}/active-messages/new", contact).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(form).contains(templateName)
                .doesNotContain(pending)
                .doesNotContain(foreign)
                .contains("value=\"Maria Conceição\"")
                .contains("data-body=\"Olá, {{1}}! Aqui é da {{2}}. Podemos continuar seu atendimento?\"")
                .contains("name=\"values\"");
    }

    @Test
    void aContactWithHtmlInItsNameIsShownAsTextInTheForm() throws Exception {
        long scripted = data.contact(number, "<img src=x onerror=alert(1)>");
        String form = mvc.perform(get("/desk/contacts/{id}/active-messages/new", scripted).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void withoutActiveMessageTheFormSaysSoInsteadOfOfferingTemplates() throws Exception {
        withoutActiveMessage(agent, number);
        String form = mvc.perform(get("/desk/contacts/{id}/active-messages/new", contact).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).doesNotContain(templateName).doesNotContain("name=\"values\"")
                .contains("Você não tem permissão para enviar mensagens ativas neste número.");
    }

    @Test
    void theFormOfAContactOfAnotherNumberIsNotFound() throws Exception {
        long foreignContact = data.contact(otherNumber, "Fulano");
        mvc.perform(get("/desk/contacts/{id}/active-messages/new", foreignContact).with(user(userOf(agent))))
                .andExpect(status().isNotFound());
    }

    // ----------------------------------------------------------------------------------------- composer

    @Test
    void afterTheWindowTheComposerLoadsTheComponentForTheTicketsContact() throws Exception {
        long ticket = data.ticket(number, contact, "OPEN", agent);
        String composer = mvc.perform(get("/desk/tickets/{id}/composer", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(composer).contains("window-expired")
                .contains("hx-get=\"/desk/contacts/" + contact + "/active-messages/new\"")
                .doesNotContain("id=\"reply-text\"");

        withoutActiveMessage(agent, number);
        String refused = mvc.perform(get("/desk/tickets/{id}/composer", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain("/active-messages/new")
                .contains("Você não tem permissão para enviar mensagens ativas neste número.");
    }

    @Test
    void insideTheWindowTheComposerHasTheQuickRepliesPopupAndTheActiveMessageButton() throws Exception {
        long ticket = data.ticket(number, contact, "OPEN", agent);
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minusSeconds(3600)), contact);
        String composer = mvc.perform(get("/desk/tickets/{id}/composer", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(composer).contains("id=\"reply-text\"")
                .contains("id=\"quick-replies\"")
                .contains("role=\"listbox\"")
                .contains("data-url=\"/quick-replies/suggestions\"")
                .contains("id=\"active-message-toggle\"")
                .contains("hx-trigger=\"active-message-load once\"")
                .doesNotContain("window-expired");

        withoutActiveMessage(agent, number);
        String withoutTemplates = mvc.perform(get("/desk/tickets/{id}/composer", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(withoutTemplates).contains("id=\"reply-text\"").doesNotContain("active-message-toggle");
    }

    // --------------------------------------------------------------------------------------------- send

    @Test
    void sendsTheRenderedTextAndOpensATicketOpenedByTheActiveMessageWhenNoneIsOpen() throws Exception {
        send(contact, template, "Maria", "Loja Centro, Sé")
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", Matchers.containsString("active-message-sent")))
                .andExpect(header().string("HX-Trigger", Matchers.containsString("desk-refresh-timeline")));

        List<Map<String, Object>> messages = messagesOf(contact);
        assertThat(messages).hasSize(1);
        Map<String, Object> message = messages.get(0);
        // A single value with a comma stays one value: the text is exactly the template's, filled in.
        assertThat(message.get("body")).isEqualTo("Olá, Maria! Aqui é da Loja Centro, Sé. Podemos continuar seu atendimento?");
        assertThat(message.get("type")).isEqualTo("TEMPLATE");
        assertThat(message.get("direction")).isEqualTo("OUTBOUND");
        assertThat(message.get("template_name")).isEqualTo(templateName);
        assertThat(message.get("author_user_id")).isEqualTo(agent);
        assertThat(message.get("status")).isEqualTo("PENDING");
        assertThat(String.valueOf(message.get("template_params"))).isEqualTo("[\"Maria\", \"Loja Centro, Sé\"]");

        Map<String, Object> ticket = jdbc.queryForMap("""
                SELECT id, status, agent_id, opened_by_active_message FROM tickets WHERE contact_id = ?
                """, contact);
        assertThat(ticket.get("status")).isEqualTo("OPEN");
        assertThat(ticket.get("agent_id")).isEqualTo(agent);
        assertThat(ticket.get("opened_by_active_message")).isEqualTo(true);
        assertThat(message.get("ticket_id")).isEqualTo(ticket.get("id"));
    }

    @Test
    void theOnlyValueOfAOneVariableTemplateKeepsItsCommas() throws Exception {
        long oneVariable = template(number, "um_" + TestData.unique(), "Seu pedido: {{1}}.", "APPROVED");
        send(contact, oneVariable, "caneta, lápis, borracha").andExpect(status().isOk());

        assertThat(messagesOf(contact)).singleElement().satisfies(message ->
                assertThat(message.get("body")).isEqualTo("Seu pedido: caneta, lápis, borracha."));
    }

    @Test
    void theMessageJoinsTheAgentsOwnUnclosedTicket() throws Exception {
        long ticket = data.ticket(number, contact, "ASSIGNED", agent);
        send(contact, template, "Maria", "Loja").andExpect(status().isOk());

        assertThat(messagesOf(contact)).singleElement().satisfies(message ->
                assertThat(message.get("ticket_id")).isEqualTo(ticket));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE contact_id = ?", Long.class, contact))
                .isEqualTo(1);
    }

    @Test
    void anEmptyVariableIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        String refusal = send(contact, template, "Maria", "   ")
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("am-refusal").contains("Preencha a variável {{2}}.");
        assertNothingStoredFor(contact);
    }

    @Test
    void aVariableOverTheLimitOrAMissingOneIsRefused() throws Exception {
        send(contact, template, "Maria", "x".repeat(1025)).andExpect(status().isUnprocessableContent());
        send(contact, template, "Maria").andExpect(status().isUnprocessableContent());
        send(contact, template, "Maria", "linha 1\nlinha 2").andExpect(status().isUnprocessableContent());
        assertNothingStoredFor(contact);
        send(contact, template, "Maria", "x".repeat(1024)).andExpect(status().isOk());
    }

    @Test
    void aTemplateOfAnotherNumberIsNotFound() throws Exception {
        long foreign = template(otherNumber, "outro_" + TestData.unique(), BODY, "APPROVED");
        send(contact, foreign, "Maria", "Loja").andExpect(status().isNotFound());
        assertNothingStoredFor(contact);
    }

    @Test
    void aTemplateThatIsNotApprovedIsNotFound() throws Exception {
        long pending = template(number, "pendente_" + TestData.unique(), BODY, "PENDING");
        send(contact, pending, "Maria", "Loja").andExpect(status().isNotFound());
        assertNothingStoredFor(contact);
    }

    @Test
    void aContactOfANumberTheUserDoesNotSeeIsNotFound() throws Exception {
        long foreignContact = data.contact(otherNumber, "Fulano");
        long foreignTemplate = template(otherNumber, "outro_" + TestData.unique(), BODY, "APPROVED");
        send(foreignContact, foreignTemplate, "Fulano", "Loja").andExpect(status().isNotFound());
        assertNothingStoredFor(foreignContact);
    }

    @Test
    void aUserWithoutActiveMessageOnTheNumberIsForbidden() throws Exception {
        withoutActiveMessage(agent, number);
        String refusal = send(contact, template, "Maria", "Loja")
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("Você não tem permissão para enviar mensagens ativas neste número.");
        assertNothingStoredFor(contact);
    }

    @Test
    void aContactBeingServedBySomeoneElseIsAConflict() throws Exception {
        long colleague = data.agent(number, "OFFLINE");
        data.ticket(number, contact, "OPEN", colleague);
        String refusal = send(contact, template, "Maria", "Loja")
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("Este contato está em atendimento com outro atendente.");
        assertThat(messagesOf(contact)).isEmpty();
    }

    @Test
    void htmlInAVariableIsStoredAsTextAndShownEscaped() throws Exception {
        send(contact, template, "<script>alert('x')</script>", "<b>Loja</b>").andExpect(status().isOk());

        assertThat(messagesOf(contact).get(0).get("body"))
                .isEqualTo("Olá, <script>alert('x')</script>! Aqui é da <b>Loja</b>. Podemos continuar seu atendimento?");
        long ticket = jdbc.queryForObject("SELECT id FROM tickets WHERE contact_id = ?", Long.class, contact);
        String page = mvc.perform(get("/desk/tickets/{id}", ticket).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;b&gt;Loja&lt;/b&gt;")
                .doesNotContain("<script>alert")
                .doesNotContain("<b>Loja</b>");
    }

    @Test
    void sendingNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/desk/contacts/{id}/active-messages", contact).with(user(userOf(agent)))
                        .param("templateId", String.valueOf(template)).param("values", "Maria", "Loja"))
                .andExpect(status().isForbidden());
        assertNothingStoredFor(contact);
    }

    // ------------------------------------------------------------------------------- templates from Meta

    private static final String ORDER_COMPONENTS = """
            [{"type": "HEADER", "format": "TEXT", "text": "Pedido {{1}}", "example": {"header_text": ["1042"]}},
             {"type": "BODY", "text": "Olá {{1}}, seu pedido saiu para entrega."},
             {"type": "FOOTER", "text": "Loja Centro"},
             {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Recebi"},
                                             {"type": "URL", "text": "Rastrear", "url": "https://loja.example/rastreio"},
                                             {"type": "PHONE_NUMBER", "text": "Ligar", "phone_number": "+551140000000"}]}]
            """;
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final String INVOICE_COMPONENTS = """
            [{"type": "HEADER", "format": "DOCUMENT"}, {"type": "BODY", "text": "Sua nota fiscal, {{1}}."}]
            """;

    @Test
    void onlyApprovedTemplatesAreOfferedAndNotThoseThisAppCannotFillIn() throws Exception {
        String paused = metaTemplate(number, "pausado_" + TestData.unique(), "Pausado {{1}}", "PAUSED", null);
        String disabled = metaTemplate(number, "desativado_" + TestData.unique(), "Desativado", "DISABLED", null);
        String rejected = metaTemplate(number, "rejeitado_" + TestData.unique(), "Rejeitado", "REJECTED", null);
        String location = metaTemplate(number, "endereco_" + TestData.unique(), "Estamos aqui.", "APPROVED", """
                [{"type": "HEADER", "format": "LOCATION"}, {"type": "BODY", "text": "Estamos aqui."}]""");
        String trackingCode = metaTemplate(number, "rastreio_" + TestData.unique(), "Seu pedido.", "APPROVED", """
                [{"type": "BODY", "text": "Seu pedido."}, {"type": "BUTTONS", "buttons": [{"type": "URL",
                  "text": "Rastrear", "url": "https://loja.example/r/{{1}}"}]}]""");
        String order = metaTemplate(number, "pedido_" + TestData.unique(), "Olá {{1}}, seu pedido saiu para entrega.",
                "APPROVED", ORDER_COMPONENTS);

        String form = form(contact);

        assertThat(form).contains(templateName).contains(order)
                .doesNotContain(paused).doesNotContain(disabled).doesNotContain(rejected)
                .doesNotContain(location).doesNotContain(trackingCode);
    }

    @Test
    void theHeaderFooterAndButtonsArePreviewedAsTheCustomerSeesThem() throws Exception {
        metaTemplate(number, "pedido_" + TestData.unique(), "Olá {{1}}, seu pedido saiu para entrega.", "APPROVED",
                ORDER_COMPONENTS);

        String form = form(contact);

        assertThat(form).contains("name=\"headerText\"")
                .contains("data-header=\"Pedido {{1}}\"")
                .contains("class=\"am-preview-footer\"").contains(">Loja Centro</div>")
                .contains(">Recebi</span>").contains(">Rastrear</span>").contains(">Ligar</span>")
                .contains("title=\"https://loja.example/rastreio\"").contains("title=\"+551140000000\"");
    }

    @Test
    void theHeadersValueIsCheckedAndSentWithTheMessage() throws Exception {
        long order = id(metaTemplate(number, "pedido_" + TestData.unique(), "Olá {{1}}, seu pedido saiu para entrega.",
                "APPROVED", ORDER_COMPONENTS));

        send(contact, order, "Maria").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("variável do cabeçalho")));
        sendWithHeader(contact, order, "headerText", "x".repeat(60), "Maria").andExpect(status().isUnprocessableContent());
        assertNothingStoredFor(contact);

        sendWithHeader(contact, order, "headerText", " 1042 ", "Maria").andExpect(status().isOk());

        assertThat(String.valueOf(messagesOf(contact).get(0).get("template_params")))
                .isEqualTo("{\"body\": [\"Maria\"], \"header\": {\"text\": \"1042\"}}");
    }

    @Test
    void aDocumentHeaderAsksForTheFileKeepsItAndNamesItInTheQueuedMessage() throws Exception {
        long invoice = id(metaTemplate(number, "nota_" + TestData.unique(), "Sua nota fiscal, {{1}}.", "APPROVED",
                INVOICE_COMPONENTS));
        assertThat(form(contact)).contains("name=\"headerFile\"").contains("type=\"file\"")
                .contains("accept=\".pdf,").contains("hx-encoding=\"multipart/form-data\"")
                .contains("am-preview-media");

        sendWithFile(contact, invoice, null, "Maria").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Escolha o documento do cabeçalho.")));
        sendWithFile(contact, invoice, new MockMultipartFile("headerFile", "", "application/octet-stream",
                new byte[0]), "Maria").andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Escolha o documento do cabeçalho.")));
        sendWithFile(contact, invoice, new MockMultipartFile("headerFile", "foto.jpg", "image/jpeg", JPEG), "Maria")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString(
                        "O cabeçalho deste modelo é um documento: escolha um PDF")));
        sendWithFile(contact, invoice, new MockMultipartFile("headerFile", "nota.pdf", "application/pdf", PDF))
                .andExpect(status().isUnprocessableContent());
        assertNothingStoredFor(contact);
        assertThat(filesOf(number)).isZero();

        sendWithFile(contact, invoice, new MockMultipartFile("headerFile", "nota 1042.pdf", "application/pdf", PDF),
                "Maria").andExpect(status().isOk());

        long fileId = jdbc.queryForObject("""
                SELECT id FROM media_files WHERE number_id = ? AND mime_type = 'application/pdf'
                   AND file_name = 'nota 1042.pdf' AND size_bytes = ?""", Long.class, number, PDF.length);
        assertThat(String.valueOf(messagesOf(contact).get(0).get("template_params"))).isEqualTo(
                "{\"body\": [\"Maria\"], \"header\": {\"type\": \"document\", \"mediaFileId\": " + fileId + "}}");
        // The sender reads both back for the gateway.
        long messageId = jdbc.queryForObject("SELECT id FROM messages WHERE contact_id = ?", Long.class, contact);
        OutboundMessage claimed = outbox.claim(messageId).orElseThrow();
        assertThat(claimed.templateParameters()).containsExactly("Maria");
        assertThat(claimed.templateHeader()).isEqualTo(new TemplateHeader(null,
                new HeaderMedia(HeaderFormat.DOCUMENT, fileId)));
    }

    @Test
    void aHeaderFileOfARefusedSendIsNotKept() throws Exception {
        long invoice = id(metaTemplate(number, "nota_" + TestData.unique(), "Sua nota fiscal, {{1}}.", "APPROVED",
                INVOICE_COMPONENTS));
        long colleague = data.agent(number, "ONLINE");
        data.ticket(number, contact, "OPEN", colleague);

        sendWithFile(contact, invoice, new MockMultipartFile("headerFile", "nota.pdf", "application/pdf", PDF),
                "Maria").andExpect(status().isConflict());

        assertThat(filesOf(number)).isZero();
    }

    private long filesOf(long numberId) {
        return jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id = ?", Long.class, numberId);
    }

    private ResultActions sendWithFile(long contactId, long templateId, MockMultipartFile file, String... values)
            throws Exception {
        var request = multipart("/desk/contacts/{id}/active-messages", contactId);
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.param("templateId", String.valueOf(templateId)).param("values", values)
                .with(user(userOf(agent))).with(csrf()).header("HX-Request", "true"));
    }

    private String form(long contactId) throws Exception {
        return mvc.perform(get("/desk/contacts/{id}/active-messages/new", contactId).with(user(userOf(agent))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions sendWithHeader(long contactId, long templateId, String field, String value,
            String... values) throws Exception {
        return mvc.perform(post("/desk/contacts/{id}/active-messages", contactId)
                .with(user(userOf(agent))).with(csrf())
                .header("HX-Request", "true")
                .param("templateId", String.valueOf(templateId))
                .param(field, value)
                .param("values", values));
    }

    /** A template as a sync from Meta keeps it; returns its name. */
    private String metaTemplate(long numberId, String name, String body, String status, String components) {
        jdbc.update("""
                INSERT INTO message_templates (number_id, name, language, category, body, status, meta_template_id,
                                               components, synced_at)
                VALUES (?, ?, 'pt_BR', 'UTILITY', ?, ?, ?, ?::jsonb, now())
                """, numberId, name, body, status, String.valueOf(Math.abs(name.hashCode())),
                components == null ? "[{\"type\": \"BODY\", \"text\": \"" + body + "\"}]" : components);
        return name;
    }

    private long id(String templateName) {
        return jdbc.queryForObject("SELECT id FROM message_templates WHERE name = ?", Long.class, templateName);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private ResultActions send(long contactId, long templateId, String... values) throws Exception {
        return mvc.perform(post("/desk/contacts/{id}/active-messages", contactId)
                .with(user(userOf(agent))).with(csrf())
                .header("HX-Request", "true")
                .param("templateId", String.valueOf(templateId))
                .param("values", values));
    }

    private List<Map<String, Object>> messagesOf(long contactId) {
        return jdbc.queryForList("""
                SELECT ticket_id, direction, author_user_id, type, body, template_name, template_params::text,
                       status
                  FROM messages WHERE contact_id = ? ORDER BY id
                """, contactId);
    }

    private void assertNothingStoredFor(long contactId) {
        assertThat(messagesOf(contactId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE contact_id = ?", Long.class, contactId))
                .isZero();
    }

    private long template(long numberId, String name, String body, String status) {
        return jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, 'pt_BR', 'UTILITY', ?, ?) RETURNING id
                """, Long.class, numberId, name, body, status);
    }

    private void withoutActiveMessage(long userId, long numberId) {
        jdbc.update("UPDATE memberships SET can_active_message = false WHERE user_id = ? AND number_id = ?",
                userId, numberId);
    }

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
}
