package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.templates.SyncResult;
import br.com.balcao.templates.SyncResult.Problem;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.templates.TemplateStatus;
import br.com.balcao.templates.TemplateSync;
import br.com.balcao.templates.TemplateView;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates from Meta against a stub of the Graph API answering Meta's documented bodies: the sync over two pages
 * (through Settings → Templates), Meta's refusals changing nothing, the status webhook through the signed
 * endpoint, and what the active message then offers.
 */
@IntegrationTest
class TemplatesFromMetaTest {

    private static final String TOKEN = "EAAJB-templates-test-token";
    private static final MockWebServer GRAPH = new MockWebServer();
    private static final String TOKEN_EXPIRED = """
            {"error": {"message": "Error validating access token: Session has expired on Friday, 14-Nov-25 10:00:00 PST.",
                       "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "AbCdEf123"}}
            """;
    private static final String UNKNOWN_OBJECT = """
            {"error": {"message": "Unsupported get request. Object with ID '999000111' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                       "type": "GraphMethodException", "code": 100, "error_subcode": 33, "fbtrace_id": "AbCdEf124"}}
            """;

    static {
        try {
            GRAPH.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void cloudApiAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("balcao.whatsapp.gateway", () -> "CLOUD_API");
        registry.add("balcao.whatsapp.access-token", () -> TOKEN);
        registry.add("balcao.whatsapp.graph-base-url", () -> GRAPH.url("/").toString());
    }

    @AfterAll
    static void stopGraph() {
        GRAPH.close();
    }

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TemplateSync sync;
    @Autowired TemplateCatalog catalog;
    @Autowired UserDetailsService users;

    private final JsonMapper json = JsonMapper.builder().build();
    UserDetails admin;
    long number;
    String wabaId;

    @BeforeEach
    void aNumberWithItsWhatsAppBusinessAccount() throws InterruptedException {
        while (GRAPH.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // requests of an earlier test
        }
        clock.set(TestClock.START);
        String email = data.email("admin");
        data.user("ADMIN", email);
        admin = users.loadUserByUsername(email);
        number = data.number("Loja " + TestData.unique());
        wabaId = "10229" + String.format("%010d", TestData.unique());
        jdbc.update("UPDATE business_numbers SET waba_id = ? WHERE id = ?", wabaId, number);
    }

    @Test
    void syncFromMetaReadsEveryPageKeepsWhatMetaHoldsAndShowsTheResult() throws Exception {
        long adopted = template(number, "order_update", "pt_BR", "Olá {{1}}", "PENDING");
        template(number, "boas_vindas", "pt_BR", "Bem-vindo!", "APPROVED");
        long otherNumber = data.number("Outra " + TestData.unique());
        long untouched = template(otherNumber, "boas_vindas", "pt_BR", "Bem-vindo!", "APPROVED");
        GRAPH.enqueue(answer(200, page("templates_page_1.json")));
        GRAPH.enqueue(answer(200, page("templates_page_2.json")));

        String page = mvc.perform(post("/settings/templates/sync").param("numberId", String.valueOf(number))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        RecordedRequest first = GRAPH.takeRequest(1, TimeUnit.SECONDS);
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getTarget()).isEqualTo("/v23.0/" + wabaId
                + "/message_templates?fields=id,name,language,status,category,components&limit=100");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest second = GRAPH.takeRequest(1, TimeUnit.SECONDS);
        assertThat(second.getTarget()).endsWith("&limit=100&after=MjQZD");
        assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT id, name, language, category, status, body, meta_template_id, synced_at
                  FROM message_templates WHERE number_id = ? ORDER BY name, language
                """, number);
        assertThat(rows).extracting(row -> row.get("name") + " " + row.get("language") + " " + row.get("category")
                        + " " + row.get("status") + " " + row.get("meta_template_id"))
                .containsExactly(
                        "order_update en_US UTILITY REJECTED 1689556908129833",
                        "order_update pt_BR UTILITY APPROVED 1689556908129832",
                        "payment_reminder pt_BR UTILITY PAUSED 959255862435101",
                        "seasonal_promotion pt_BR MARKETING PENDING 1146273776744116");
        assertThat(rows.get(1).get("id")).isEqualTo(adopted);
        assertThat(rows.get(1).get("body")).isEqualTo("Olá {{1}}, seu pedido {{2}} saiu para entrega.");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("synced_at")).isEqualTo(Timestamp.from(clock.instant())));
        assertThat(json.readTree(jdbc.queryForObject("SELECT components::text FROM message_templates WHERE id = ?",
                String.class, adopted))).isEqualTo(json.readTree(text("templates_page_1.json")).path("data").path(0)
                .path("components"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_templates WHERE id = ?", Integer.class, untouched))
                .isOne();

        assertThat(page).contains("4 modelos sincronizados da Meta").contains("Aprovado: 1").contains("Pausado: 1")
                .contains("1 modelo que a Meta não tem mais foi removido")
                .contains("Sincronizar com a Meta").doesNotContain("id=\"template-form\"");
        assertThat(catalog.approved(number)).extracting(TemplateView::name).containsExactly("order_update");
    }

    @Test
    void aRejectedTokenChangesNothingAndTheAdminIsToldWhy() throws Exception {
        long kept = template(number, "order_update", "pt_BR", "Olá {{1}}", "APPROVED");
        jdbc.update("UPDATE message_templates SET meta_template_id = '9100' WHERE id = ?", kept);
        List<Map<String, Object>> before = templatesOf(number);
        GRAPH.enqueue(answer(401, TOKEN_EXPIRED));

        MvcResult refused = mvc.perform(post("/settings/templates/sync").param("numberId", String.valueOf(number))
                        .param("lang", "en").with(user(admin)).with(csrf()))
                .andExpect(status().isOk()).andReturn();
        String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(((SyncResult) refused.getModelAndView().getModel().get("sync")).problem()).isEqualTo(Problem.TOKEN);
        assertThat(templatesOf(number)).isEqualTo(before);
        assertThat(page).contains("Meta rejected the access token").contains("nothing was changed")
                .contains("whatsapp_business_management").contains("Session has expired");
        assertThat(catalog.approved(number)).extracting(TemplateView::id).containsExactly(kept);
    }

    @Test
    void withTheCloudApiATemplateWrittenHereIsNotOfferedOnlyMetasAre() {
        long local = template(number, "escrito_aqui", "pt_BR", "Olá {{1}}", "APPROVED");
        long synced = template(number, "vindo_da_meta", "pt_BR", "Olá {{1}}", "APPROVED");
        jdbc.update("UPDATE message_templates SET meta_template_id = '9200' WHERE id = ?", synced);

        assertThat(catalog.approved(number)).extracting(TemplateView::id).containsExactly(synced);
        assertThat(catalog.approved(local, number)).isEmpty();
        assertThat(catalog.approved(synced, number)).isPresent();
    }

    @Test
    void aFailureOnTheSecondPageChangesNothing() throws Exception {
        template(number, "boas_vindas", "pt_BR", "Bem-vindo!", "APPROVED");
        List<Map<String, Object>> before = templatesOf(number);
        GRAPH.enqueue(answer(200, page("templates_page_1.json")));
        GRAPH.enqueue(answer(500, """
                {"error": {"message": "An unknown error has occurred.", "type": "OAuthException", "code": 1,
                           "fbtrace_id": "AbCdEf125"}}"""));

        SyncResult result = sync.sync(number);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("An unknown error has occurred.");
        assertThat(templatesOf(number)).isEqualTo(before);
    }

    @Test
    void anAccountIdMetaDoesNotKnowOrNoneAtAllChangesNothing() throws Exception {
        template(number, "boas_vindas", "pt_BR", "Bem-vindo!", "APPROVED");
        List<Map<String, Object>> before = templatesOf(number);
        jdbc.update("UPDATE business_numbers SET waba_id = '999000111' WHERE id = ?", number);
        GRAPH.enqueue(answer(400, UNKNOWN_OBJECT));

        SyncResult unknown = sync.sync(number);

        assertThat(unknown.problem()).isEqualTo(Problem.ACCOUNT);
        assertThat(unknown.detail()).contains("Object with ID '999000111' does not exist");
        assertThat(GRAPH.takeRequest(1, TimeUnit.SECONDS).getTarget()).startsWith("/v23.0/999000111/message_templates");

        jdbc.update("UPDATE business_numbers SET waba_id = NULL WHERE id = ?", number);
        int requests = GRAPH.getRequestCount();
        assertThat(sync.sync(number).problem()).isEqualTo(Problem.NO_ACCOUNT);
        assertThat(GRAPH.getRequestCount()).isEqualTo(requests);
        // An id that is not Meta's shape cannot even be kept: the schema takes digits only.
        assertThatThrownBy(() -> jdbc.update("UPDATE business_numbers SET waba_id = ? WHERE id = ?",
                "102290129340398/../../me", number)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(templatesOf(number)).isEqualTo(before);
    }

    @Test
    void aNextLinkThatLoopsOrLeavesTheGraphApiChangesNothing() throws Exception {
        template(number, "boas_vindas", "pt_BR", "Bem-vindo!", "APPROVED");
        List<Map<String, Object>> before = templatesOf(number);
        String looping = page("templates_page_1.json");
        GRAPH.enqueue(answer(200, looping));
        GRAPH.enqueue(answer(200, looping));

        assertThat(sync.sync(number).problem()).isEqualTo(Problem.TOO_MANY_PAGES);

        GRAPH.enqueue(answer(200, page("templates_page_1.json").replace(GRAPH.url("/").toString().replaceAll("/$", ""),
                "https://graph.example.net")));
        int requests = GRAPH.getRequestCount();
        SyncResult elsewhere = sync.sync(number);

        assertThat(elsewhere.ok()).isFalse();
        assertThat(elsewhere.detail()).contains("not on");
        assertThat(GRAPH.getRequestCount()).isEqualTo(requests + 1);
        assertThat(templatesOf(number)).isEqualTo(before);
    }

    @Test
    void theStatusWebhookPausesTheTemplateAtOnceOnTheAccountsNumbersOnly() throws Exception {
        long paused = metaTemplate(number, "1689556908129832");
        long otherAccount = data.number("Outra conta " + TestData.unique());
        long elsewhere = metaTemplate(otherAccount, "1689556908129832");
        assertThat(catalog.approved(number)).extracting(TemplateView::id).containsExactly(paused);
        byte[] body = WebhookFixtures.text("template_status_paused.json").replace("WABA_ID", wabaId)
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(signedWebhookPost(body, IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());

        assertThat(statusOf(paused)).isEqualTo("PAUSED");
        assertThat(statusOf(elsewhere)).isEqualTo("APPROVED");
        assertThat(catalog.approved(number)).isEmpty();

        byte[] approvedAgain = new String(body, StandardCharsets.UTF_8).replace("\"PAUSED\"", "\"APPROVED\"")
                .replace("1689556908129832", "1").getBytes(StandardCharsets.UTF_8);
        mvc.perform(signedWebhookPost(approvedAgain, IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());
        // Matched by name and language when Meta's id is not the one kept.
        assertThat(statusOf(paused)).isEqualTo("APPROVED");
        assertThat(sync.statusChanged(wabaId, "1689556908129832", "order_update", "pt_BR", "FLAGGED")).isZero();
        assertThat(TemplateStatus.fromMeta("FLAGGED")).isEmpty();
    }

    @Test
    void anUnsignedStatusWebhookChangesNothing() throws Exception {
        long kept = metaTemplate(number, "1689556908129832");
        byte[] body = WebhookFixtures.text("template_status_paused.json").replace("WABA_ID", wabaId)
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(signedWebhookPost(body, "not-the-secret")).andExpect(status().isUnauthorized());

        assertThat(statusOf(kept)).isEqualTo("APPROVED");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String page(String fixture) {
        return text(fixture).replace("GRAPH", GRAPH.url("/").toString().replaceAll("/$", "")).replace("WABA_ID", wabaId);
    }

    private static String text(String fixture) {
        return WebhookFixtures.text(fixture);
    }

    private static MockResponse answer(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private long template(long numberId, String name, String language, String body, String status) {
        return jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status)
                VALUES (?, ?, ?, 'UTILITY', ?, ?) RETURNING id
                """, Long.class, numberId, name, language, body, status);
    }

    private long metaTemplate(long numberId, String metaTemplateId) {
        return jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status, meta_template_id,
                                               components, synced_at)
                VALUES (?, 'order_update', 'pt_BR', 'UTILITY', 'Olá {{1}}', 'APPROVED', ?,
                        '[{"type": "BODY", "text": "Olá {{1}}"}]', now()) RETURNING id
                """, Long.class, numberId, metaTemplateId);
    }

    private String statusOf(long templateId) {
        return jdbc.queryForObject("SELECT status FROM message_templates WHERE id = ?", String.class, templateId);
    }

    private List<Map<String, Object>> templatesOf(long numberId) {
        return jdbc.queryForList("""
                SELECT id, name, language, category, body, status, meta_template_id, components::text, synced_at
                  FROM message_templates WHERE number_id = ? ORDER BY id
                """, numberId);
    }
}
