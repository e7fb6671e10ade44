package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An agent attaches a picture on the Desk, sees its preview, adds a caption and sends it into the timeline; the
 * customer sees it in the simulator.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class MediaBrowserTest {

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
    void aPictureAttachedOnTheDeskIsPreviewedThenSentAndShownInTheTimeline() throws IOException {
        long ticket = new AgentTickets(jdbc, data, clock).ticketOf("ana@demo.local", 1, "OPEN");
        Path picture = picture();
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket);
        browser.waiting().until(d -> d.findElement(By.id("media-attach")));

        driver.findElement(By.id("media-file")).sendKeys(picture.toString());

        WebElement preview = browser.waiting().until(d -> {
            WebElement image = d.findElement(By.id("media-preview-image"));
            return image.isDisplayed() && image.getAttribute("src").startsWith("data:image/png") ? image : null;
        });
        assertThat(preview.isDisplayed()).isTrue();
        assertThat(browser.textOf(By.id("media-preview-name"))).isEqualTo(picture.getFileName().toString());
        driver.findElement(By.id("media-caption")).sendKeys("A peça chegou assim");
        browser.screenshot("media-preview");
        driver.findElement(By.id("media-send")).click();

        browser.waiting().until(d -> !d.findElement(By.id("media-attachment")).isDisplayed());
        Map<String, Object> sent = browser.waiting().until(d -> jdbc.queryForList("""
                SELECT m.id, m.status, m.media_caption, f.whatsapp_media_id FROM messages m
                  JOIN media_files f ON f.id = m.media_file_id
                 WHERE m.ticket_id = ? AND m.type = 'IMAGE' AND m.status IN ('SENT', 'DELIVERED', 'READ')
                """, ticket).stream().findFirst().orElse(null));
        assertThat(sent).containsEntry("media_caption", "A peça chegou assim");
        assertThat((String) sent.get("whatsapp_media_id")).startsWith("sim-media-");
        By thumbnail = By.cssSelector("#m" + sent.get("id") + " img.msg-thumb");
        browser.waiting().until(d -> !d.findElements(thumbnail).isEmpty() && Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0",
                        d.findElement(thumbnail))));
        assertThat(driver.findElement(By.cssSelector("#m" + sent.get("id") + " .msg-caption")).getText())
                .isEqualTo("A peça chegou assim");
        browser.screenshot("media-sent");

        // The customer (the demo's simulator, as a manager plays them) receives the picture on the phone.
        String phone = jdbc.queryForObject(
                "SELECT c.phone_e164 FROM tickets t JOIN contacts c ON c.id = t.contact_id WHERE t.id = ?",
                String.class, ticket);
        driver.manage().deleteAllCookies();
        browser.signIn(port, "admin@demo.local", "demo");
        driver.get("http://localhost:" + port + "/simulator?numberId=1&phone="
                + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        WebElement received = browser.waiting().until(d -> d.findElements(By.cssSelector("#sim-thread img.bubble-image"))
                .stream().filter(image -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", image)))
                .findFirst().orElse(null));
        assertThat(received.getAttribute("src")).endsWith("/messages/" + sent.get("id") + "/media");
        browser.screenshot("media-received-in-simulator");
    }

    private static Path picture() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x25, 0xD3, 0x66));
        graphics.fillRect(0, 0, 320, 200);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(110, 50, 100, 100);
        graphics.dispose();
        Path file = Files.createTempFile("peca-quebrada-", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }
}
