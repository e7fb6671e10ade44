package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.tickets.Automation;
import br.com.balcao.tickets.AutomationReplies;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A person plays a customer: messages go through the signed webhook and the business's replies show up live. */
@BrowserTestApplication
@ActiveProfiles("demo")
class SimulatorBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AutomationReplies replies;

    @Test
    void aCustomerWritingOnSundayGetsTheAfterHoursReplyAndLaterRepliesArriveWithoutReloading() {
        clock.set(Instant.parse("2026-11-22T13:00:00Z")); // Sunday 10:00 in São Paulo: Loja Centro is closed
        WebDriver driver = browser.driver();
        browser.signIn(port, "admin@demo.local", "demo");

        driver.get("http://localhost:" + port + "/simulator?numberId=1&phone=%2B55%2011%2096666-3333&name=Jos%C3%A9");
        WebElement text = browser.waiting().until(d -> d.findElement(By.id("sim-text")));
        text.sendKeys("<b>Olá</b>, vocês abrem hoje?");
        driver.findElement(By.cssSelector("#sim-composer button[type=submit]")).click();

        browser.waiting().until(d -> bubbles(d).contains("Voltamos a atender"));
        assertThat(bubbles(driver)).contains("<b>Olá</b>, vocês abrem hoje?");

        long contact = jdbc.queryForObject("SELECT id FROM contacts WHERE number_id = 1 AND wa_id = '5511966663333'",
                Long.class);
        replies.queue(1, contact, "Mensagem enviada enquanto a página estava aberta", Automation.ABSENCE);

        browser.waiting().until(d -> bubbles(d).contains("Mensagem enviada enquanto a página estava aberta"));
        browser.screenshot("simulator");
    }

    @Test
    void aMessageFromAPhoneThatIsNotOneShowsTheReasonAboveTheThreadAndKeepsWhatWasTyped() {
        WebDriver driver = browser.driver();
        browser.signIn(port, "admin@demo.local", "demo");

        driver.get("http://localhost:" + port + "/simulator?numberId=1&phone=12");
        WebElement text = browser.waiting().until(d -> d.findElement(By.id("sim-text")));
        text.sendKeys("Oi");
        driver.findElement(By.cssSelector("#sim-composer button[type=submit]")).click();

        browser.waiting().until(d -> bubbles(d).contains("Telefone inválido"));
        assertThat(driver.findElement(By.id("sim-text")).getAttribute("value")).isEqualTo("Oi");
    }

    private static String bubbles(WebDriver driver) {
        return driver.findElement(By.id("sim-thread")).getText();
    }
}
