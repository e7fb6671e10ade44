package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.tickets.Automation;
import br.com.balcao.tickets.AutomationReplies;
import br.com.balcao.tickets.ReadReceipts;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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

    @Autowired
    ReadReceipts readReceipts;

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

    @Test
    void aCustomerSendsAPhotoThatShowsInTheThreadRepliesToTheBusinessAndReacts(@TempDir Path folder) throws Exception {
        clock.set(Instant.parse("2026-11-16T17:00:00Z")); // Monday 14:00 in São Paulo: Loja Centro is open
        WebDriver driver = browser.driver();
        browser.signIn(port, "admin@demo.local", "demo");
        driver.get("http://localhost:" + port + "/simulator?numberId=1&phone=%2B55%2011%2096666-4444&name=Rita");
        browser.waiting().until(d -> d.findElement(By.id("sim-text"))).sendKeys("Oi, meu pedido chegou quebrado");
        driver.findElement(By.cssSelector("#sim-composer button[type=submit]")).click();
        browser.waiting().until(d -> delivered(d).contains("chegou quebrado"));
        long contact = jdbc.queryForObject("SELECT id FROM contacts WHERE number_id = 1 AND wa_id = '5511966664444'",
                Long.class);
        replies.queue(1, contact, "Pode mandar uma foto do produto?", Automation.ABSENCE);
        browser.waiting().until(d -> bubbles(d).contains("Pode mandar uma foto do produto?"));

        Path photo = folder.resolve("produto.png");
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(10, 10, 60, 40);
        ImageIO.write(image, "png", photo.toFile());
        driver.findElement(By.id("sim-file-input")).sendKeys(photo.toString());
        browser.waiting().until(d -> d.findElement(By.id("sim-caption")).isDisplayed());
        driver.findElement(By.id("sim-caption")).sendKeys("Olha a <i>caixa</i>");
        driver.findElement(By.cssSelector("#sim-file button[type=submit]")).click();

        WebElement shown = browser.waiting().until(d -> d.findElements(By.cssSelector("#sim-thread img.bubble-image"))
                .stream().findFirst().orElse(null));
        browser.waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", shown)).intValue() == 120);
        assertThat(bubbles(driver)).contains("Olha a <i>caixa</i>");

        By businessMessage = By.xpath("//div[@id='sim-thread']//div[contains(@class, 'theirs')]"
                + "[contains(., 'Pode mandar uma foto do produto?')]");
        browser.waiting().until(d -> {
            WebElement message = d.findElement(businessMessage);
            new Actions(d).moveToElement(message).perform();
            message.findElement(By.cssSelector("[data-reply]")).click();
            return true;
        });
        assertThat(driver.findElement(By.id("sim-replying-text")).getText()).isEqualTo("Pode mandar uma foto do produto?");
        driver.findElement(By.id("sim-text")).sendKeys("Mandei acima");
        browser.screenshot("simulator-reply");
        driver.findElement(By.cssSelector("#sim-composer button[type=submit]")).click();
        browser.waiting().until(d -> delivered(d).contains("Mandei acima"));
        assertThat(driver.findElement(By.xpath("//div[contains(@class, 'mine')][contains(., 'Mandei acima')]"))
                .findElement(By.className("bubble-quote")).getText()).isEqualTo("Pode mandar uma foto do produto?");
        assertThat(driver.findElement(By.id("sim-replying")).isDisplayed()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE contact_id = ? AND body = 'Mandei acima'",
                Long.class, contact)).isOne();

        // The thread may be redrawn by a live event at any moment: the picker is opened and used again until one
        // click lands on the page as it is.
        browser.waiting().until(d -> {
            WebElement message = d.findElement(businessMessage);
            new Actions(d).moveToElement(message).perform();
            message.findElement(By.cssSelector("[data-bs-toggle=dropdown]")).click();
            WebElement thumbsUp = d.findElement(By.cssSelector(".sim-reactions.show button"));
            browser.screenshot("simulator-react");
            thumbsUp.click();
            return true;
        });
        browser.waiting().until(d -> !d.findElement(businessMessage).findElements(By.className("bubble-reaction"))
                .isEmpty());
        assertThat(driver.findElements(By.cssSelector("#sim-thread .alert-danger"))).isEmpty();

        // A voice note recorded in the page (Chromium's fake microphone) arrives as Ogg Opus, with its player.
        driver.findElement(By.id("sim-mic")).click();
        browser.waiting().until(d -> d.findElement(By.id("sim-mic")).getAttribute("class").contains("btn-danger"));
        driver.findElement(By.id("sim-mic")).click();
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#sim-thread .bubble-audio audio")).isEmpty());
        assertThat(jdbc.queryForObject("SELECT media_mime_type FROM messages WHERE contact_id = ? AND type = 'AUDIO'",
                String.class, contact)).isEqualTo("audio/ogg; codecs=opus");

        // An agent reads the ticket: the customer's ticks turn blue while the page is open.
        long ticket = jdbc.queryForObject("SELECT ticket_id FROM messages WHERE contact_id = ? AND direction = 'INBOUND' "
                + "ORDER BY id LIMIT 1", Long.class, contact);
        long ana = jdbc.queryForObject("SELECT id FROM app_users WHERE email = 'ana@demo.local'", Long.class);
        jdbc.update("UPDATE tickets SET agent_id = ?, status = 'OPEN' WHERE id = ?", ana, ticket);
        assertThat(driver.findElements(By.cssSelector("#sim-thread .ticks-read"))).isEmpty();
        readReceipts.markRead(ticket, ana);
        browser.waiting().until(d -> d.findElements(By.cssSelector("#sim-thread .bubble-row.mine .ticks")).stream()
                .allMatch(ticks -> ticks.getAttribute("class").contains("ticks-read")));
        browser.screenshot("simulator-media");
    }

    /** The customer's messages the app has stored (two ticks), rather than those still on their way (one). */
    private static String delivered(WebDriver driver) {
        return driver.findElements(By.cssSelector("#sim-thread .bubble-row.mine:not(.sending)")).stream()
                .map(WebElement::getText).reduce("", String::concat);
    }

    private static String bubbles(WebDriver driver) {
        return driver.findElement(By.id("sim-thread")).getText();
    }
}
