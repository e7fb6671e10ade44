package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Settings → Templates with the Cloud API gateway, in a real browser on the demo data: no form, the explanation and
 * "Sync from Meta", whose result (Meta's documented list, two pages, from a stub) the tab shows.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class TemplateSyncBrowserTest {

    private static final String WABA_ID = "102290129340398";
    private static final MockWebServer GRAPH = new MockWebServer();

    static {
        try {
            GRAPH.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void cloudApiAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("balcao.whatsapp.gateway", () -> "CLOUD_API");
        registry.add("balcao.whatsapp.access-token", () -> "EAAJB-browser-test-token");
        registry.add("balcao.whatsapp.graph-base-url", () -> GRAPH.url("/").toString());
    }

    @AfterAll
    static void stopGraph() {
        GRAPH.close();
    }

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    List<Map<String, Object>> demoTemplates;

    @BeforeEach
    void theDemoNumberWithItsAccount() {
        demoTemplates = jdbc.queryForList("SELECT * FROM message_templates WHERE number_id = 1");
        jdbc.update("UPDATE business_numbers SET waba_id = ? WHERE id = 1", WABA_ID);
    }

    @AfterEach
    void leaveTheDemoAsItWas() {
        jdbc.update("UPDATE business_numbers SET waba_id = NULL WHERE id = 1");
        jdbc.update("DELETE FROM message_templates WHERE number_id = 1");
        demoTemplates.forEach(row -> jdbc.update("""
                INSERT INTO message_templates (id, number_id, name, language, category, body, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, row.get("id"), row.get("number_id"), row.get("name"), row.get("language"), row.get("category"),
                row.get("body"), row.get("status"), row.get("created_at")));
    }

    @Test
    void syncFromMetaShowsWhatCameAndByStatus() {
        GRAPH.enqueue(answer(page("templates_page_1.json")));
        GRAPH.enqueue(answer(page("templates_page_2.json")));
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1366, 900));
        browser.signIn(port, "admin@demo.local", "demo");
        driver.get("http://localhost:" + port + "/settings/templates?number=1");
        assertThat(driver.findElements(By.id("template-form"))).isEmpty();

        driver.findElement(By.cssSelector("#template-sync button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-sync-result"),
                "4 modelos sincronizados da Meta"));
        assertThat(driver.findElement(By.id("template-list")).getText()).contains("seasonal_promotion")
                .contains("Pausado").contains("Cabeçalho com imagem");
        browser.screenshot("configuration-templates-from-meta");
    }

    private static String page(String fixture) {
        try (InputStream in = TemplateSyncBrowserTest.class.getResourceAsStream("/whatsapp/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("GRAPH", GRAPH.url("/").toString().replaceAll("/$", "")).replace("WABA_ID", WABA_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse answer(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }
}
