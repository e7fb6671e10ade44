package br.com.balcao.hostile;

import static br.com.balcao.hostile.HostileText.NUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every form that takes text, sent a NUL character (which PostgreSQL cannot store) or a value just over its
 * limit and one of more than ten thousand characters: the answer is a clear refusal (400 for NUL, 422 or 409
 * with the form's message for the length), never a server error, and nothing is stored.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFormsTest {

    private static final String HUGE = HostileText.ofLength(10_001);

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;

    long number;
    long contact;
    long ticket;
    long tag;
    long category;
    UserDetails agent;
    UserDetails admin;

    @BeforeAll
    void aTicketOfAnAgentAndAnAdmin() {
        number = data.openNumber("Formulários " + TestData.unique());
        long agentId = data.agent(number, "OFFLINE");
        agent = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                agentId));
        String adminEmail = data.email("admin");
        data.user("ADMIN", adminEmail);
        admin = users.loadUserByUsername(adminEmail);
        contact = data.contact(number, "Maria");
        ticket = data.ticket(number, contact, "OPEN", agentId);
        jdbc.update("UPDATE contacts SET last_inbound_at = now() WHERE id = ?", contact);
        tag = jdbc.queryForObject("INSERT INTO tags (name) VALUES (?) RETURNING id", Long.class, "Tag " + TestData.unique());
        category = jdbc.queryForObject("INSERT INTO quick_reply_categories (name) VALUES (?) RETURNING id", Long.class,
                "Categoria " + TestData.unique());
    }

    /** One form: where it posts, as whom, its other fields, and the field whose value is hostile. */
    private record Form(String description, String path, UserDetails as, Map<String, String> fields, String field) {

        MockHttpServletRequestBuilder with(String value) {
            MockHttpServletRequestBuilder request = post(path).with(user(as)).with(csrf());
            fields.forEach(request::param);
            return request.param(field, value);
        }
    }

    private List<Form> forms() {
        String contactPhone = jdbc.queryForObject("SELECT phone_e164 FROM contacts WHERE id = ?", String.class, contact);
        String numberId = String.valueOf(number);
        return List.of(
                new Form("contact name", "/contacts/" + contact, agent, Map.of("phone", contactPhone), "name"),
                new Form("contact city", "/contacts/" + contact, agent, Map.of("phone", contactPhone, "name", "Maria"),
                        "city"),
                new Form("contact extra field", "/contacts/" + contact, agent,
                        Map.of("phone", contactPhone, "name", "Maria", "extraName", "Plano"), "extraValue"),
                new Form("contact note", "/contacts/" + contact + "/notes", agent, Map.of(), "text"),
                new Form("desk card name", "/desk/tickets/" + ticket + "/contact", agent, Map.of(), "name"),
                new Form("desk note", "/desk/tickets/" + ticket + "/notes", agent, Map.of("scope", "ticket"), "text"),
                new Form("desk reply", "/desk/tickets/" + ticket + "/messages", agent, Map.of(), "text"),
                new Form("tag", "/settings/tags", admin, Map.of("color", "#123456"), "name"),
                new Form("quick reply category", "/quick-replies/categories", admin, Map.of(), "name"),
                new Form("quick reply title", "/quick-replies/replies", admin,
                        Map.of("categoryId", String.valueOf(category), "body", "Olá"), "title"),
                new Form("template body", "/settings/templates", admin, Map.of("numberId", numberId,
                        "name", "formulario_" + TestData.unique(), "language", "pt_BR", "category", "UTILITY",
                        "status", "APPROVED"), "body"),
                new Form("absence message", "/absence", admin, Map.of("numberId", numberId, "active", "true"),
                        "message"),
                new Form("absence suggested name", "/absence", admin,
                        Map.of("numberId", numberId, "active", "true", "message", "Volto já"), "suggestedName"),
                new Form("number name", "/settings/numbers/" + number, admin, numberSettings("name"), "name"),
                new Form("exit keyword", "/settings/numbers/" + number, admin, numberSettings("exitKeyword"),
                        "exitKeyword"),
                new Form("holiday name", "/settings/numbers/" + number + "/holidays", admin,
                        Map.of("day", "2026-12-25"), "name"),
                new Form("user name", "/settings/users", admin, Map.of("email", data.email("novo"), "role", "AGENT",
                        "ticketSlots", "5", "password", TestData.PASSWORD), "name"));
    }

    /** The number's settings form as it stands, but for the field under test. */
    private Map<String, String> numberSettings(String field) {
        Map<String, String> settings = new HashMap<>(jdbc.queryForMap("""
                SELECT name, display_phone AS "displayPhone", phone_number_id AS "phoneNumberId",
                       time_zone AS "timeZone", always_open::text AS "alwaysOpen",
                       after_hours_message AS "afterHoursMessage", exit_keyword AS "exitKeyword",
                       customer_inactivity_minutes::text AS "customerInactivityMinutes",
                       queue_timeout_minutes::text AS "queueTimeoutMinutes"
                  FROM business_numbers WHERE id = ?
                """, number).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> String.valueOf(entry.getValue()))));
        settings.remove(field);
        return settings;
    }

    @Test
    void aNulCharacterInAnyFormIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        for (Form form : forms()) {
            String before = storedState();
            MockHttpServletResponse response = mvc.perform(form.with(NUL)).andReturn().getResponse();
            assertThat(response.getStatus()).as(form.description()).isEqualTo(400);
            assertThat(response.getContentAsString()).as(form.description())
                    .contains("id=\"nul-character\"").contains("caractere de controle invisível (NUL");
            assertThat(storedState()).as(form.description()).isEqualTo(before);
        }
    }

    /** The forms above are complete: a plain value in the field under test is saved, so a refusal is the value's. */
    @Test
    void aPlainValueInEachFormIsSaved() throws Exception {
        for (Form form : forms()) {
            String before = storedState();
            MockHttpServletResponse response = mvc.perform(form.with("ok" + TestData.unique())).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(form.description() + FormErrors.of(response)).isIn(200, 302);
            assertThat(storedState()).as(form.description()).isNotEqualTo(before);
        }
    }

    @Test
    void aNulCharacterInASearchIsABadRequestNotAServerError() throws Exception {
        assertThat(status(get("/conversations").param("q", NUL).with(user(agent)))).isEqualTo(400);
        assertThat(status(get("/conversations").param("q", NUL).param("in", "messages").with(user(agent))))
                .isEqualTo(400);
        assertThat(status(get("/contacts").param("name", NUL).with(user(agent)))).isEqualTo(400);
        assertThat(status(get("/history").param("contact", NUL).with(user(admin)))).isEqualTo(400);
    }

    @Test
    void valuesOverTheLimitAreRefusedWithTheFormsMessageAndNothingIsStored() throws Exception {
        Map<String, Integer> justOver = Map.ofEntries(Map.entry("contact name", 121), Map.entry("contact city", 81),
                Map.entry("contact extra field", 501), Map.entry("contact note", 5001), Map.entry("desk card name", 121),
                Map.entry("desk note", 5001), Map.entry("desk reply", 4097), Map.entry("tag", 41),
                Map.entry("quick reply category", 61), Map.entry("quick reply title", 31),
                Map.entry("template body", 1025), Map.entry("absence message", 1001),
                Map.entry("absence suggested name", 121), Map.entry("number name", 81), Map.entry("exit keyword", 41),
                Map.entry("holiday name", 81), Map.entry("user name", 121));
        for (Form form : forms()) {
            for (String value : List.of(HostileText.ofLength(justOver.get(form.description())), HUGE)) {
                String before = storedState();
                MockHttpServletResponse response = mvc.perform(form.with(value)).andReturn().getResponse();
                String description = form.description() + " of " + value.length();
                assertThat(response.getStatus()).as(description).isIn(409, 422);
                assertThat(storedState()).as(description).isEqualTo(before);
            }
        }
    }

    @Test
    void namesAtTheirLimitInEmojiOfManyCodePointsAreSavedAndAudited() throws Exception {
        String family = "👩‍👩‍👧‍👦";
        String name = family.repeat(59) + TestData.unique() % 10;
        assertThat(status(post("/quick-replies/categories").param("name", name).with(user(admin)).with(csrf())))
                .isEqualTo(302);
        long categoryId = jdbc.queryForObject("SELECT id FROM quick_reply_categories WHERE name = ?", Long.class, name);
        assertThat(status(post("/quick-replies/replies").param("categoryId", String.valueOf(categoryId))
                .param("title", family.repeat(30)).param("body", "Olá").with(user(admin)).with(csrf()))).isEqualTo(302);
        assertThat(jdbc.queryForList("SELECT subject FROM audit_log WHERE subject LIKE ?", String.class,
                family.repeat(10) + "%")).hasSize(2).allMatch(subject -> subject.codePointCount(0, subject.length()) <= 200);
    }

    @Test
    void aNameOfFewVisibleCharactersMadeOfThousandsOfCombiningMarksIsRefused() throws Exception {
        String before = storedState();
        MockHttpServletResponse response = mvc.perform(post("/quick-replies/categories").param("name", HostileText.ZALGO)
                .with(user(admin)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(FormErrors.of(response)).contains("no máximo 60");
        assertThat(storedState()).isEqualTo(before);
    }

    /** Java sees sixty letters with their marks; the database's check counts the marks it does not know too. */
    @Test
    void aNameWhoseMarksOnlyTheDatabaseCountsIsRefusedNotAServerError() throws Exception {
        String titlos = "а\u0483".repeat(60);
        String before = storedState();
        MockHttpServletResponse response = mvc.perform(post("/quick-replies/categories").param("name", titlos)
                .with(user(admin)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(FormErrors.of(response)).contains("no máximo 60");
        assertThat(storedState()).isEqualTo(before);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** Everything the forms above could change, as one text. */
    private String storedState() {
        return jdbc.queryForObject("""
                SELECT (SELECT md5(c::text) FROM contacts c WHERE id = ?)
                       || (SELECT count(*) FROM notes WHERE ticket_id = ? OR contact_id = ?)
                       || '/' || (SELECT count(*) FROM messages WHERE ticket_id = ?)
                       || '/' || (SELECT count(*) FROM tags)
                       || '/' || (SELECT count(*) FROM quick_reply_categories)
                       || '/' || (SELECT count(*) FROM quick_replies WHERE category_id = ?)
                       || '/' || (SELECT count(*) FROM message_templates WHERE number_id = ?)
                       || '/' || coalesce((SELECT md5(a::text) FROM absences a WHERE number_id = ?), '-')
                       || '/' || (SELECT md5(b::text) FROM business_numbers b WHERE id = ?)
                       || '/' || (SELECT count(*) FROM number_holidays WHERE number_id = ?)
                       || '/' || (SELECT count(*) FROM app_users)
                """, String.class, contact, ticket, contact, ticket, category, number, number, number, number);
    }
}
