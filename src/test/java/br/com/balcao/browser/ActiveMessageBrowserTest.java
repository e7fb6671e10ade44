package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The active message component with templates as Meta holds them, in a real browser on the demo data: the header,
 * body, footer and buttons previewed as the customer will see them, the header's variable and the body's filled in
 * as typed, and a media header asking for its file: the picked picture shown, a file of another kind refused, the
 * template sent with it.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class ActiveMessageBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final long DEMO_NUMBER = 1;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    long contact;

    @BeforeEach
    void aContactWhoseWindowClosedAndTwoTemplatesFromMeta() {
        contact = data.contact(DEMO_NUMBER, "Navegador Marta");
        long ticket = data.ticket(DEMO_NUMBER, contact, "WAITING", null);
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'Meu pedido não chegou', ?)
                """, DEMO_NUMBER, contact, ticket, Timestamp.from(TestClock.START.minus(Duration.ofDays(10))));
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minus(Duration.ofDays(10))), contact);
        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'LOST', closed_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minus(Duration.ofDays(9))), ticket);
        template("aaa_navegador_pedido", "Olá {{1}}, seu pedido {{2}} saiu para entrega.", """
                [{"type": "HEADER", "format": "TEXT", "text": "Pedido {{1}}"},
                 {"type": "BODY", "text": "Olá {{1}}, seu pedido {{2}} saiu para entrega."},
                 {"type": "FOOTER", "text": "Loja Centro · responda SAIR para não receber"},
                 {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Recebi"},
                   {"type": "URL", "text": "Rastrear pedido", "url": "https://loja.example/rastreio"},
                   {"type": "PHONE_NUMBER", "text": "Ligar para a loja", "phone_number": "+551140000000"}]}]""");
        template("aaa_navegador_nota", "Sua nota fiscal, {{1}}.", """
                [{"type": "HEADER", "format": "DOCUMENT"}, {"type": "BODY", "text": "Sua nota fiscal, {{1}}."}]""");
    }

    @AfterEach
    void leaveTheDemoAsItWas() {
        jdbc.update("DELETE FROM message_templates WHERE name LIKE 'aaa_navegador_%'");
        jdbc.update("DELETE FROM messages WHERE contact_id = ?", contact);
        jdbc.update("DELETE FROM tickets WHERE contact_id = ?", contact);
        jdbc.update("DELETE FROM contacts WHERE id = ?", contact);
    }

    @Test
    void thePreviewShowsTheTemplateAsTheCustomerWillSeeIt() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1366, 900));
        browser.signIn(port, "admin@demo.local", "demo");
        driver.get("http://localhost:" + port + "/conversations/" + contact);
        WebElement form = browser.waiting().until(d -> d.findElement(By.cssSelector("form.active-message")));
        new Select(form.findElement(By.cssSelector(".am-template"))).selectByVisibleText("aaa_navegador_pedido");

        WebElement header = form.findElement(By.cssSelector("fieldset:not([disabled]) .am-header-value"));
        header.sendKeys("1042");
        WebElement second = form.findElements(By.cssSelector("fieldset:not([disabled]) .am-value")).get(1);
        second.sendKeys("#1042");

        String preview = form.findElement(By.cssSelector(".am-preview-box")).getText();
        assertThat(preview).contains("Pedido 1042").contains("Olá Navegador Marta, seu pedido #1042 saiu para entrega.")
                .contains("Loja Centro").contains("Recebi").contains("Rastrear pedido").contains("Ligar para a loja");
        browser.screenshot("active-message-template-from-meta");

        new Select(form.findElement(By.cssSelector(".am-template"))).selectByVisibleText("aaa_navegador_nota");
        WebElement documentFile = form.findElement(By.cssSelector("fieldset:not([disabled]) .am-header-file"));
        assertThat(documentFile.isDisplayed()).isTrue();
        assertThat(documentFile.getAttribute("accept")).contains("application/pdf").doesNotContain("image/jpeg");
        String document = form.findElement(By.cssSelector(".am-preview-box")).getText();
        assertThat(document).contains("Documento").doesNotContain("Pedido").doesNotContain("Recebi");
        browser.screenshot("active-message-document-header");
    }

    @Test
    void anImageHeaderTakesThePickedPictureShowsItAndSendsIt() throws Exception {
        template("aaa_navegador_colecao", "Olá {{1}}, chegou a nova coleção!", """
                [{"type": "HEADER", "format": "IMAGE"}, {"type": "BODY", "text": "Olá {{1}}, chegou a nova coleção!"}]""");
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1366, 900));
        browser.signIn(port, "admin@demo.local", "demo");
        driver.get("http://localhost:" + port + "/conversations/" + contact);
        WebElement form = browser.waiting().until(d -> d.findElement(By.cssSelector("form.active-message")));
        new Select(form.findElement(By.cssSelector(".am-template"))).selectByVisibleText("aaa_navegador_colecao");
        WebElement file = form.findElement(By.cssSelector("fieldset:not([disabled]) .am-header-file"));
        assertThat(file.getAttribute("accept")).isEqualTo("image/jpeg,image/png");

        file.sendKeys(pdf().toString());
        form.findElement(By.cssSelector(".am-send")).click();
        WebElement refusal = browser.waiting().until(d -> d.findElement(By.cssSelector("form.active-message .am-refusal")));
        assertThat(refusal.getText()).contains("O cabeçalho deste modelo é uma imagem: escolha um arquivo JPEG ou PNG.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE contact_id = ? AND direction = 'OUTBOUND'",
                Long.class, contact)).isZero();

        Path picture = jpeg();
        form.findElement(By.cssSelector("fieldset:not([disabled]) .am-header-file")).sendKeys(picture.toString());
        WebElement chosen = form.findElement(By.cssSelector("fieldset:not([disabled]) .am-file-chosen"));
        assertThat(chosen.getText()).contains("colecao.jpg").contains(" KB");
        // Shown once the browser has read the picture.
        browser.waiting().until(d -> form.findElement(By.cssSelector("fieldset:not([disabled]) .am-file-thumb"))
                .isDisplayed() && form.findElement(By.cssSelector(".am-preview-media img")).isDisplayed());
        browser.screenshot("active-message-image-header-picked");
        form.findElement(By.cssSelector(".am-send")).click();

        browser.waiting().until(d -> d.findElement(By.cssSelector("form.active-message .am-sent")));
        assertThat(jdbc.queryForObject("""
                SELECT f.file_name FROM messages m
                  JOIN media_files f ON f.id = (m.template_params -> 'header' ->> 'mediaFileId')::bigint
                 WHERE m.contact_id = ? AND m.template_name = 'aaa_navegador_colecao'""", String.class, contact))
                .isEqualTo("colecao.jpg");
        browser.screenshot("active-message-image-header-sent");
    }

    /** A real JPEG picture, as an agent would pick it. */
    private static Path jpeg() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, new Color(0x12, 0x8c, 0x7e), 320, 200, new Color(0xf4, 0xb4, 0x00)));
        graphics.fillRect(0, 0, 320, 200);
        graphics.dispose();
        Path file = Files.createTempDirectory("header-file").resolve("colecao.jpg");
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    private static Path pdf() throws IOException {
        Path file = Files.createTempDirectory("header-file").resolve("catalogo.pdf");
        Files.writeString(file, "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
        return file;
    }

    private void template(String name, String body, String components) {
        jdbc.update("""
                INSERT INTO message_templates (number_id, name, language, category, body, status, meta_template_id,
                                               components, synced_at)
                VALUES (?, ?, 'pt_BR', 'UTILITY', ?, 'APPROVED', ?, ?::jsonb, now())
                """, DEMO_NUMBER, name, body, String.valueOf(Math.abs(name.hashCode())), components);
    }
}
