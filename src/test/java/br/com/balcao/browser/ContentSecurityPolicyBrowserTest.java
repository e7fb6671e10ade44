package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages keep to their own Content-Security-Policy ({@code style-src 'self'}, no inline script): the browser
 * reports no violation while they load and while the agent opens, closes and transfers tickets.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class ContentSecurityPolicyBrowserTest {

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
    void theDeskReportsNoViolationWhileTheAgentOpensClosesAndTransfersTickets() {
        long bruno = jdbc.queryForObject("SELECT id FROM app_users WHERE email = 'bruno@demo.local'", Long.class);
        jdbc.update("UPDATE app_users SET ticket_slots = 20 WHERE id = ?", bruno);
        AgentTickets tickets = new AgentTickets(jdbc, data, clock);
        long toClose = tickets.ticketOf("ana@demo.local", 2, "ASSIGNED");
        long toTransfer = tickets.ticketOf("ana@demo.local", 2, "OPEN");
        WebDriver driver = browser.driver();
        LiveProbe.install(browser);
        browser.signIn(port, "ana@demo.local", "demo");

        driver.get(url("/desk/tickets/" + toClose));
        LiveProbe.awaitConnected(browser);
        browser.waiting().until(d -> d.findElement(By.id("reply-text"))).sendKeys("Um momento,",
                Keys.chord(Keys.SHIFT, Keys.ENTER), "por favor", Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("timeline")).getText().contains("por favor"));
        driver.findElement(By.id("reply-text")).sendKeys("Já", Keys.chord(Keys.SHIFT, Keys.ENTER), "volto");
        new CustomerMessages(port, clock).writeOn(jdbc, toClose, "Obrigado!");
        browser.waiting().until(d -> d.findElement(By.id("timeline")).getText().contains("Obrigado!"));
        driver.findElement(By.id("transfer-button")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("label[for=transfer-agent-" + bruno + "]")).isDisplayed());
        driver.findElement(By.cssSelector("#transfer-dialog .btn-close")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("transfer-dialog")));
        driver.findElement(By.id("close-button")).click();
        browser.waiting().until(d -> d.findElement(By.id("close-confirm")).isDisplayed());
        assertThat(CspProbe.violations(browser)).as("opening a ticket and its dialogs").isEmpty();
        driver.findElement(By.id("close-confirm")).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/desk"));
        assertThat(CspProbe.violations(browser)).as("after closing a ticket").isEmpty();

        driver.get(url("/desk/tickets/" + toTransfer));
        browser.waiting().until(d -> d.findElement(By.id("transfer-button"))).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("label[for=transfer-agent-" + bruno + "]")).isDisplayed());
        driver.findElement(By.cssSelector("label[for=transfer-agent-" + bruno + "]")).click();
        driver.findElement(By.id("transfer-confirm")).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/desk"));
        assertThat(CspProbe.violations(browser)).as("after transferring a ticket").isEmpty();
    }

    @Test
    void theMainPagesReportNoViolation() {
        WebDriver driver = browser.driver();
        browser.signIn(port, "admin@demo.local", "demo");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String path : List.of("/desk", "/conversations", "/contacts", "/history", "/monitoring", "/settings")) {
            driver.get(url(path));
            browser.waiting().until(d -> d.findElement(By.id("main")).isDisplayed());
            // htmx loads parts of some pages after the first paint; they must be in before the page is judged.
            browser.waiting().until(d -> d.findElements(By.cssSelector(".htmx-request")).isEmpty());
            violations.put(path, CspProbe.violations(browser));
        }
        assertThat(violations).allSatisfy((path, found) -> assertThat(found).as(path).isEmpty());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
