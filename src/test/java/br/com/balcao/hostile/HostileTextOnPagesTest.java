package br.com.balcao.hostile;

import static br.com.balcao.hostile.HostileText.ATTRIBUTE_BREAKER;
import static br.com.balcao.hostile.HostileText.EMOJI;
import static br.com.balcao.hostile.HostileText.IMAGE;
import static br.com.balcao.hostile.HostileText.SCRIPT;
import static br.com.balcao.hostile.HostileText.ZERO_WIDTH;
import static br.com.balcao.hostile.PlainTextAssert.assertNoRawMarkup;
import static br.com.balcao.hostile.PlainTextAssert.assertShownAsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile corpus typed into every place a person or a customer writes (a WhatsApp profile name and
 * messages through the inbound pipeline; the contact form, notes, tags, quick replies, templates and the
 * absence message through their forms), then every page that shows it, read back: each value is there,
 * escaped, and no piece of markup is there raw. The data is made once for the class, through the product.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextOnPagesTest {

    static final String NAME = HostileText.NAME;
    static final String CITY = HostileText.CITY;
    static final String AGENT_NAME = IMAGE + " " + ZERO_WIDTH;
    static final String TAG = SCRIPT + " 🇧🇷👍🏽";
    static final String CATEGORY = IMAGE + " " + ATTRIBUTE_BREAKER + " " + EMOJI;
    static final String TEXT = HostileText.all();
    static final String LONG_TEXT = HostileText.ofLength(12_000);

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired InboundPipeline pipeline;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    long number;
    long closedNumber;
    long contact;
    long ticket;
    long categoryId;
    String waId;
    UserDetails agent;
    UserDetails manager;
    UserDetails admin;

    @BeforeAll
    void hostileTextEverywhere() throws Exception {
        clock.set(TestClock.START);
        long unique = TestData.unique();
        number = data.openNumber("Hostil " + unique);
        jdbc.update("UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000"
                + " WHERE id = ?", number);
        closedNumber = data.number("Hostil fechado " + unique);
        long agentId = data.agent(number, "ONLINE");
        data.member(agentId, closedNumber);
        jdbc.update("UPDATE app_users SET name = ? WHERE id = ?", AGENT_NAME, agentId);
        agent = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                agentId));
        manager = users.loadUserByUsername(member("MANAGER"));
        String adminEmail = data.email("admin");
        data.user("ADMIN", adminEmail);
        admin = users.loadUserByUsername(adminEmail);

        waId = TestData.waId();
        pipeline.receive(number, InboundMessage.text("wamid.hostile." + unique, waId, NAME, clock.instant(), TEXT));
        pipeline.receive(number, InboundMessage.text("wamid.hostile.long." + unique, waId, NAME, clock.instant(),
                LONG_TEXT));
        pipeline.receive(closedNumber, InboundMessage.text("wamid.hostile.closed." + unique, waId, NAME,
                clock.instant(), TEXT));
        contact = jdbc.queryForObject("SELECT id FROM contacts WHERE number_id = ? AND wa_id = ?", Long.class, number,
                waId);
        ticket = jdbc.queryForObject("SELECT id FROM tickets WHERE contact_id = ? AND agent_id = ?", Long.class, contact,
                agentId);

        saved(post("/contacts/{id}", contact).with(user(admin)).param("name", NAME).param("phone", "+" + waId)
                .param("city", CITY).param("extraName", ATTRIBUTE_BREAKER).param("extraValue", TEXT));
        saved(post("/contacts/{id}/notes", contact).with(user(agent)).param("text", TEXT));
        ok(post("/desk/tickets/{id}/notes", ticket).with(user(agent)).param("scope", "ticket").param("text", TEXT));
        saved(post("/settings/tags").with(user(admin)).param("name", TAG).param("color", "#aa0000"));
        long tag = jdbc.queryForObject("SELECT id FROM tags WHERE name = ? ORDER BY id DESC LIMIT 1", Long.class, TAG);
        ok(post("/desk/tickets/{id}/tags", ticket).with(user(agent)).param("tagId", String.valueOf(tag)));
        ok(post("/desk/tickets/{id}/messages", ticket).with(user(agent)).param("text", TEXT));

        saved(post("/quick-replies/categories").with(user(admin)).param("name", CATEGORY));
        categoryId = jdbc.queryForObject("SELECT max(id) FROM quick_reply_categories WHERE name = ?", Long.class,
                CATEGORY);
        saved(post("/quick-replies/replies").with(user(admin)).param("categoryId", String.valueOf(categoryId))
                .param("title", SCRIPT).param("body", TEXT));
        saved(post("/settings/templates").with(user(admin)).param("numberId", String.valueOf(number))
                .param("name", "hostil_" + unique).param("language", "pt_BR").param("category", "UTILITY")
                .param("body", TEXT + " {{1}}").param("status", "APPROVED"));
        saved(post("/absence").with(user(manager)).param("numberId", String.valueOf(number)).param("active", "true")
                .param("message", TEXT).param("suggestedName", AGENT_NAME).param("suggestedPhone", "+55 11 99999-0000"));
    }

    // ------------------------------------------------------------------------------------------------ desk

    @Test
    void theDeskListTicketTimelineAndCardShowTheTextAsText() throws Exception {
        assertShownAsText(page(get("/desk").with(user(agent))), "desk list", NAME);
        assertShownAsText(page(get("/desk/tickets/{id}", ticket).with(user(agent))), "desk ticket", NAME, AGENT_NAME);
        assertShownAsText(page(get("/desk/tickets/{id}/timeline", ticket).with(user(agent))), "desk timeline", TEXT,
                LONG_TEXT);
        assertShownAsText(page(get("/desk/tickets/{id}/card", ticket).with(user(agent))), "desk card", NAME, CITY,
                ATTRIBUTE_BREAKER, TEXT, TAG);
        assertShownAsText(page(get("/desk/tickets/{id}/close-dialog", ticket).with(user(agent))), "close dialog", TAG);
        assertShownAsText(page(get("/desk/contacts/{id}/active-messages/new", contact).with(user(agent))),
                "active message", TEXT);
    }

    // --------------------------------------------------------------------------------------- conversations

    @Test
    void conversationsSearchResultsAndTimelineShowTheTextAsText() throws Exception {
        assertShownAsText(page(get("/conversations").param("q", waId).with(user(agent))), "contact search", NAME);
        assertShownAsText(page(get("/conversations").param("q", "alert").param("in", "messages").with(user(agent))),
                "message search", "alert");
        assertShownAsText(page(get("/conversations/{id}", contact).with(user(agent))), "conversation", NAME, TEXT,
                LONG_TEXT);
        assertNoRawMarkup(page(get("/conversations/{id}/matches", contact).param("q", "alert").with(user(agent))),
                "conversation matches");
    }

    @Test
    void searchTermsAreEchoedAsText() throws Exception {
        assertShownAsText(page(get("/conversations").param("q", SCRIPT + ATTRIBUTE_BREAKER).with(user(agent))),
                "contact search term", SCRIPT + ATTRIBUTE_BREAKER);
        assertShownAsText(page(get("/contacts").param("name", SCRIPT + ATTRIBUTE_BREAKER).with(user(agent))
                .cookie(selected(number))), "contacts filter", SCRIPT + ATTRIBUTE_BREAKER);
        assertShownAsText(page(get("/history").param("contact", SCRIPT + ATTRIBUTE_BREAKER).with(user(manager))
                .cookie(selected(number))), "history filter", SCRIPT + ATTRIBUTE_BREAKER);
    }

    // -------------------------------------------------------------------------------------------- contacts

    @Test
    void theContactsListAndTheContactPageShowTheTextAsText() throws Exception {
        assertShownAsText(page(get("/contacts").param("phone", waId).with(user(agent)).cookie(selected(number))),
                "contacts list", NAME);
        assertShownAsText(page(get("/contacts/{id}", contact).with(user(agent))), "contact page", NAME, CITY,
                ATTRIBUTE_BREAKER, TEXT);
    }

    // ------------------------------------------------------------------------------- after hours, history

    @Test
    void theAfterHoursListShowsTheNameAsText() throws Exception {
        assertShownAsText(page(get("/after-hours").with(user(agent)).cookie(selected(closedNumber))), "after hours",
                NAME);
    }

    @Test
    void theHistoryListShowsNamesAndTagsAsText() throws Exception {
        assertShownAsText(page(get("/history").with(user(manager)).cookie(selected(number))), "history", NAME,
                AGENT_NAME, TAG);
    }

    @Test
    void monitoringShowsNamesAndTagsAsText() throws Exception {
        assertShownAsText(page(get("/monitoring").param("number", String.valueOf(number)).with(user(manager))),
                "monitoring", NAME, AGENT_NAME);
        assertShownAsText(page(get("/monitoring/panel").param("number", String.valueOf(number)).with(user(manager))),
                "monitoring panel", NAME, AGENT_NAME);
    }

    // ------------------------------------------------------------------------ quick replies and settings

    @Test
    void quickRepliesShowTheTextAsTextAndTheSuggestionsAreJson() throws Exception {
        assertShownAsText(page(get("/quick-replies").param("category", String.valueOf(categoryId)).with(user(admin))),
                "quick replies", CATEGORY, SCRIPT, TEXT);
        // JSON, which quick-replies.js puts into the page as text nodes, never as markup.
        MockHttpServletResponse suggestions = mvc.perform(get("/quick-replies/suggestions").param("q", "script")
                .with(user(agent))).andReturn().getResponse();
        assertThat(suggestions.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(JsonMapper.builder().build().readTree(suggestions.getContentAsString()).findValuesAsString("text"))
                .contains(TEXT);
    }

    @Test
    void templatesTagsAbsenceAndTheAuditLogShowTheTextAsText() throws Exception {
        assertShownAsText(page(get("/settings/templates").param("number", String.valueOf(number)).with(user(admin))),
                "templates", TEXT);
        assertShownAsText(page(get("/settings/tags").with(user(admin))), "tags", TAG);
        assertShownAsText(page(get("/absence").with(user(manager)).cookie(selected(number))), "absence", TEXT,
                AGENT_NAME);
        assertNoRawMarkup(page(get("/settings/audit").with(user(admin))), "audit");
    }

    // ------------------------------------------------------------------------------------------------ PDF

    @Test
    void theTicketPdfHoldsTheTextAsText() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/history/{id}/pdf", ticket).with(user(manager)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            text = withoutSpaces(new PDFTextStripper().getText(pdf));
        }
        // The font has no glyph for emoji or control characters: those show as a replacement mark.
        for (String drawable : List.of(SCRIPT, IMAGE, ATTRIBUTE_BREAKER, HostileText.JAVASCRIPT_URL,
                "Set-Cookie: pwned=1", TAG.substring(0, SCRIPT.length()), LONG_TEXT.substring(0, 500))) {
            assertThat(text).as("the PDF holds %s", drawable).contains(withoutSpaces(drawable));
        }
        assertThat(text).contains(withoutSpaces(AGENT_NAME.substring(0, IMAGE.length())));
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s", "");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private String member(String role) {
        String email = data.email(role.toLowerCase());
        long id = data.user(role, email);
        data.member(id, number);
        data.member(id, closedNumber);
        return email;
    }

    /** The session cookie of a session (kept by Spring Session) where this number is chosen. */
    private Cookie selected(long numberId) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(numberId))
                .with(user(manager)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        return response.getCookie("SESSION");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(FormErrors.of(response)).isEqualTo(200);
        return response.getContentAsString();
    }

    private void saved(MockHttpServletRequestBuilder form) throws Exception {
        MockHttpServletResponse response = mvc.perform(form.with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(FormErrors.of(response)).isEqualTo(302);
    }

    private void ok(MockHttpServletRequestBuilder form) throws Exception {
        MockHttpServletResponse response = mvc.perform(form.with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(FormErrors.of(response)).isEqualTo(200);
    }
}
