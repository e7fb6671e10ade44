package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.WebhookSignature;
import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The agent's Desk in a real browser, on the demo data, with customers writing through the signed webhook. */
@BrowserTestApplication
@ActiveProfiles("demo")
class DeskBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Test
    void aCustomerMessageAppearsInTheOpenTicketWithoutReloadAndTheReplyReachesTheCustomer() throws Exception {
        Map<String, Object> ticket = jdbc.queryForMap("""
                SELECT t.id, c.wa_id, n.phone_number_id FROM tickets t
                  JOIN contacts c ON c.id = t.contact_id JOIN business_numbers n ON n.id = t.number_id
                  JOIN app_users u ON u.id = t.agent_id
                 WHERE u.email = 'ana@demo.local' AND t.status = 'OPEN' ORDER BY t.id LIMIT 1
                """);
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE wa_id = ?",
                java.sql.Timestamp.from(clock.instant()), ticket.get("wa_id"));
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket.get("id"));
        browser.waiting().until(d -> d.findElement(By.id("reply-text")));
        Object pageMarker = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return window.deskMarker = Math.random();");

        customerWrites((String) ticket.get("phone_number_id"), (String) ticket.get("wa_id"),
                "Chegou o boleto? <i>obrigado</i>");

        browser.waiting().until(d -> timeline(d).contains("Chegou o boleto? <i>obrigado</i>"));
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.deskMarker"))
                .as("the page was not reloaded").isEqualTo(pageMarker);

        WebElement box = driver.findElement(By.id("reply-text"));
        box.sendKeys("Chegou sim!");
        box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        box.sendKeys("Vou te mandar por aqui.");
        box.sendKeys(Keys.ENTER);

        browser.waiting().until(d -> timeline(d).contains("Vou te mandar por aqui."));
        String reply = jdbc.queryForObject("""
                SELECT body FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND' ORDER BY id DESC LIMIT 1
                """, String.class, ticket.get("id"));
        assertThat(reply).isEqualTo("Chegou sim!\nVou te mandar por aqui.");
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".msg-row.out:last-child .bi-check2-all.text-info")).isEmpty());
        browser.screenshot("desk");
    }

    private void customerWrites(String phoneNumberId, String waId, String text) throws Exception {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Cliente"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"wamid.browser.%d","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}
                """.formatted(phoneNumberId, waId, waId, System.nanoTime(), clock.instant().getEpochSecond(), text);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                        .header("Content-Type", "application/json")
                        .header(WebhookSignature.HEADER, new WebhookSignature("demo-app-secret").sign(bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String timeline(WebDriver driver) {
        return driver.findElement(By.id("timeline")).getText();
    }
}
