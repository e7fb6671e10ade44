package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

    @Autowired
    TestData data;

    @Test
    void aCustomerMessageAppearsInTheOpenTicketWithoutReloadAndTheReplyReachesTheCustomer() {
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
        Object pageMarker = ((JavascriptExecutor) driver)
                .executeScript("return window.deskMarker = Math.random();");

        new CustomerMessages(port, clock).write((String) ticket.get("phone_number_id"), (String) ticket.get("wa_id"),
                "Chegou o boleto? <i>obrigado</i>");

        browser.waiting().until(d -> timeline(d).contains("Chegou o boleto? <i>obrigado</i>"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.deskMarker"))
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

    @Test
    void typingSlashOffersTheQuickRepliesAndEnterInsertsTheChosenOne() {
        Map<String, Object> reply = jdbc.queryForMap("SELECT title, body FROM quick_replies ORDER BY id LIMIT 1");
        long ticket = openTicketOf("ana@demo.local", 1);
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket);

        WebElement box = browser.waiting().until(d -> d.findElement(By.id("reply-text")));
        box.sendKeys("/" + ((String) reply.get("title")).substring(0, 3));
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".quick-reply-option")).isEmpty()
                && d.findElement(By.id("reply-text")).getAttribute("data-quick-replies-open") != null);
        box.sendKeys(Keys.ENTER);

        browser.waiting().until(d -> reply.get("body").equals(d.findElement(By.id("reply-text")).getAttribute("value")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE ticket_id = ? AND body = ?", Long.class,
                ticket, reply.get("body"))).as("inserted, not sent").isZero();
    }

    @Test
    void enterWithTheQuickRepliesOpenAndNothingMatchingSendsNothingUntilEscClosesThem() {
        long ticket = openTicketOf("ana@demo.local", 1);
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket);

        WebElement box = browser.waiting().until(d -> d.findElement(By.id("reply-text")));
        box.sendKeys("/sauda");
        browser.waiting().until(d -> d.findElement(By.id("quick-replies-empty")).getText().contains("sauda"));
        box.sendKeys(Keys.ENTER);
        box.sendKeys("ção");
        browser.waiting().until(d -> d.findElement(By.id("quick-replies-empty")).getText().contains("saudação"));
        assertThat(box.getDomProperty("value")).as("Enter inserted nothing and sent nothing").isEqualTo("/saudação");

        box.sendKeys(Keys.ESCAPE);
        assertThat(driver.findElement(By.id("quick-replies")).isDisplayed()).isFalse();
        box.sendKeys(Keys.ENTER);
        browser.waiting().until(d -> timeline(d).contains("/saudação"));
        assertThat(jdbc.queryForList("SELECT body FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                String.class, ticket)).containsExactly("/saudação");
    }

    @Test
    void theHeaderShowsTheTicketInServiceAfterTheFirstReplyLiveLikeTheList() {
        long ticket = new AgentTickets(jdbc, data, clock).ticketOf("ana@demo.local", 1, "ASSIGNED");
        WebDriver driver = browser.driver();
        LiveProbe.install(browser);
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket);
        LiveProbe.awaitConnected(browser);
        By listed = By.cssSelector("#desk-list .desk-ticket[data-ticket-id='" + ticket + "'] .ticket-status");
        // The header and the list are redrawn by live events (the stream's first connection included): read each
        // part as it is when read, not an element found before a redraw.
        browser.waiting().until(d -> browser.textOf(By.id("conversation-status")).equals("Atribuído"));
        browser.waiting().until(d -> browser.textOf(listed).equals("Atribuído"));
        Object pageMarker = ((JavascriptExecutor) driver).executeScript("return window.deskMarker = Math.random();");

        driver.findElement(By.id("reply-text")).sendKeys("Olá! Já vou te ajudar.", Keys.ENTER);

        browser.waiting().until(d -> browser.textOf(By.id("conversation-status")).equals("Em atendimento"));
        browser.waiting().until(d -> browser.textOf(listed).equals("Em atendimento"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.deskMarker"))
                .as("the page was not reloaded").isEqualTo(pageMarker);
    }

    @Test
    void theAgentClosesATicketWithATag() {
        long ticket = openTicketOf("ana@demo.local", 1);
        long tag = jdbc.queryForObject("SELECT id FROM tags ORDER BY name LIMIT 1", Long.class);
        jdbc.update("DELETE FROM ticket_tags WHERE ticket_id = ?", ticket);
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket);

        browser.waiting().until(d -> d.findElement(By.id("close-button"))).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("label[for=close-tag-" + tag + "]")).isDisplayed());
        driver.findElement(By.cssSelector("label[for=close-tag-" + tag + "]")).click();
        driver.findElement(By.id("close-confirm")).click();

        browser.waiting().until(d -> path(d).equals("/desk"));
        assertThat(jdbc.queryForMap("SELECT status, close_reason FROM tickets WHERE id = ?", ticket))
                .containsEntry("status", "CLOSED").containsEntry("close_reason", "ATTENDANT");
        assertThat(jdbc.queryForList("SELECT tag_id FROM ticket_tags WHERE ticket_id = ?", Long.class, ticket))
                .containsExactly(tag);
    }

    @RegisterExtension
    static final Browser brunosBrowser = new Browser();

    @Test
    void aTransferFromAnaToBrunoShowsOnBothScreens() {
        long ticket = openTicketOf("ana@demo.local", 2);
        String contact = jdbc.queryForObject("""
                SELECT COALESCE(c.name, c.phone_e164) FROM tickets t JOIN contacts c ON c.id = t.contact_id WHERE t.id = ?
                """, String.class, ticket);
        long bruno = jdbc.queryForObject("SELECT id FROM app_users WHERE email = 'bruno@demo.local'", Long.class);
        jdbc.update("UPDATE app_users SET ticket_slots = 20 WHERE id = ?", bruno);

        brunosBrowser.signIn(port, "bruno@demo.local", "demo");
        brunosBrowser.driver().get("http://localhost:" + port + "/desk");
        brunosBrowser.waiting().until(d -> d.findElement(By.id("desk-list")));
        assertThat(brunosBrowser.driver().findElement(By.id("desk-list")).getText()).doesNotContain(contact);

        WebDriver ana = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        ana.get("http://localhost:" + port + "/desk/tickets/" + ticket);
        browser.waiting().until(d -> d.findElement(By.id("transfer-button"))).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("label[for=transfer-agent-" + bruno + "]")).isDisplayed());
        ana.findElement(By.cssSelector("label[for=transfer-agent-" + bruno + "]")).click();
        ana.findElement(By.id("transfer-confirm")).click();

        browser.waiting().until(d -> path(d).equals("/desk"));
        assertThat(ana.findElement(By.id("desk-list")).getText()).doesNotContain(contact);
        brunosBrowser.waiting().until(d -> d.findElement(By.id("desk-list")).getText().contains(contact));
        brunosBrowser.screenshot("desk-transfer-bruno");
    }

    /** A new contact of the number with an OPEN ticket of the agent, the customer's window open. */
    private long openTicketOf(String email, long numberId) {
        return new AgentTickets(jdbc, data, clock).ticketOf(email, numberId, "OPEN");
    }

    private static String path(WebDriver driver) {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private static String timeline(WebDriver driver) {
        return driver.findElement(By.id("timeline")).getText();
    }
}
