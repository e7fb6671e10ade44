package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
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
 * as typed, and a media header asking for its file's link.
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
        assertThat(form.findElement(By.cssSelector("fieldset:not([disabled]) .am-header-link")).isDisplayed()).isTrue();
        String document = form.findElement(By.cssSelector(".am-preview-box")).getText();
        assertThat(document).contains("Documento").doesNotContain("Pedido").doesNotContain("Recebi");
        browser.screenshot("active-message-document-header");
    }

    private void template(String name, String body, String components) {
        jdbc.update("""
                INSERT INTO message_templates (number_id, name, language, category, body, status, meta_template_id,
                                               components, synced_at)
                VALUES (?, ?, 'pt_BR', 'UTILITY', ?, 'APPROVED', ?, ?::jsonb, now())
                """, DEMO_NUMBER, name, body, String.valueOf(Math.abs(name.hashCode())), components);
    }
}
