package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The configuration pages in a real browser on the demo data, at 1366 pixels wide: the live character
 * counter, the absence preview while typing and the header banner, the template preview, and a screenshot
 * of each page.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class ConfigurationBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    List<Map<String, Object>> absencesBefore;

    @BeforeEach
    void rememberTheDemosAbsences() {
        absencesBefore = jdbc.queryForList("SELECT * FROM absences");
    }

    @AfterEach
    void leaveTheDemoAsItWas() {
        jdbc.update("DELETE FROM absences");
        absencesBefore.forEach(row -> jdbc.update("""
                INSERT INTO absences (number_id, active, message, suggested_user_id, suggested_name, suggested_phone,
                                      started_at, started_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, row.get("number_id"), row.get("active"), row.get("message"), row.get("suggested_user_id"),
                row.get("suggested_name"), row.get("suggested_phone"), row.get("started_at"), row.get("started_by_id")));
        jdbc.update("DELETE FROM quick_reply_categories WHERE name LIKE 'Navegador%'");
        jdbc.update("DELETE FROM tags WHERE name LIKE 'Navegador%'");
    }

    @Test
    void theCounterCountsEmojiAsPeopleSeeThem() {
        WebDriver driver = signedIn(900);
        driver.get(url("/quick-replies"));
        WebElement title = browser.waiting().until(d -> d.findElement(By.id("reply-title")));
        title.sendKeys("👍🏽".repeat(30));
        assertThat(driver.findElement(By.id("reply-title-counter")).getText()).isEqualTo("30/30");
        title.sendKeys("é");
        WebElement counter = driver.findElement(By.id("reply-title-counter"));
        assertThat(counter.getText()).isEqualTo("31/30");
        assertThat(counter.getAttribute("class")).contains("text-danger");
        browser.screenshot("configuration-quick-replies");

        driver.findElement(By.id("new-category-name")).sendKeys("Navegador " + System.nanoTime());
        driver.findElement(By.cssSelector("#new-category-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("selected-category"), "Navegador"));
    }

    @Test
    void theAbsencePreviewFollowsTheFormAndTheBannerShowsWhileOn() {
        WebDriver driver = signedIn(900);
        driver.get(url("/absence"));
        WebElement message = browser.waiting().until(d -> d.findElement(By.id("absence-message")));
        message.clear();
        message.sendKeys("Hoje a equipe está em treinamento.");
        new Select(driver.findElement(By.id("absence-user"))).selectByValue("");
        driver.findElement(By.id("absence-name")).clear();
        WebElement phone = driver.findElement(By.id("absence-phone"));
        phone.clear();
        phone.sendKeys("+55 11 98888-7777");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("absence-reply"),
                "Hoje a equipe está em treinamento.\n\nSe preferir, fale com a gente pelo número +55 11 98888-7777."));

        driver.findElement(By.id("absence-active")).click();
        driver.findElement(By.id("absence-save")).click();
        browser.waiting().until(d -> d.findElement(By.id("absence-banner")));
        assertThat(driver.findElement(By.id("absence-started")).getText()).contains("Ligada por");
        browser.screenshot("configuration-absence");
    }

    @Test
    void settingsPages() {
        WebDriver driver = signedIn(1300);
        driver.get(url("/settings/numbers?number=1"));
        browser.waiting().until(d -> d.findElement(By.id("hours")));
        browser.screenshot("configuration-settings-numbers");

        driver.get(url("/settings/users"));
        browser.waiting().until(d -> d.findElement(By.id("user-table")));
        browser.screenshot("configuration-settings-users");
        driver.findElement(By.linkText("Ana Souza")).click();
        browser.waiting().until(d -> d.findElement(By.id("memberships")));
        browser.screenshot("configuration-settings-user");

        driver.get(url("/settings/templates?number=1"));
        WebElement body = browser.waiting().until(d -> d.findElement(By.id("template-body")));
        body.sendKeys("Olá {{1}}, seu pedido {{2}} está pronto.");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-rendered"),
                "Olá [valor 1], seu pedido [valor 2] está pronto."));
        assertThat(driver.findElement(By.id("template-variables")).getText()).contains("2 variáveis");
        browser.screenshot("configuration-settings-templates");

        driver.get(url("/settings/tags"));
        browser.waiting().until(d -> d.findElement(By.id("tag-name"))).sendKeys("Navegador " + System.nanoTime());
        browser.screenshot("configuration-settings-tags");
        driver.findElement(By.cssSelector("#tag-form button[type=submit]")).click();
        browser.waiting().until(d -> browser.textOf(By.id("tag-list")).contains("Navegador"));

        driver.get(url("/settings/audit"));
        browser.waiting().until(d -> d.findElement(By.id("audit-table")));
        assertThat(driver.findElement(By.id("audit-table")).getText()).contains("Etiqueta criada").contains("Navegador");
        browser.screenshot("configuration-settings-audit");

        driver.get(url("/settings/channel"));
        browser.waiting().until(d -> d.findElement(By.id("channel-health-1")));
        assertThat(browser.textOf(By.id("channel-health"))).contains("Loja Centro");
        browser.screenshot("configuration-settings-channel");
    }

    @Test
    void aRefusedFormShowsItsErrorNextToTheFieldWithWhatWasTyped() {
        WebDriver driver = signedIn(900);
        driver.get(url("/settings/numbers?number=1"));
        WebElement queue = browser.waiting().until(d -> d.findElement(By.id("number-queueTimeoutMinutes")));
        WebElement name = driver.findElement(By.id("number-name"));
        assertThat(queue.getDomAttribute("min")).isEqualTo("1");
        assertThat(name.getDomAttribute("maxlength")).isEqualTo("80");
        // The browser would stop these values before the server sees them; the server's refusal is what this tests.
        ((JavascriptExecutor) driver).executeScript("arguments[0].removeAttribute('min');"
                + " arguments[1].removeAttribute('maxlength');", queue, name);
        queue.clear();
        queue.sendKeys("0");
        name.clear();
        name.sendKeys("Loja, Centro " + "x".repeat(80));
        name.submit();

        WebElement error = browser.waiting().until(d -> d.findElement(By.cssSelector("#number-name ~ .invalid-feedback")));
        assertThat(error.getText()).isEqualTo("No máximo 80 caracteres.");
        assertThat(driver.findElement(By.id("number-name")).getAttribute("value")).startsWith("Loja, Centro xxx");
        assertThat(driver.findElement(By.cssSelector("#number-queueTimeoutMinutes ~ .invalid-feedback")).getText())
                .isEqualTo("Digite um número de 1 a 10080.");
        browser.screenshot("configuration-settings-numbers-refused");
    }

    private WebDriver signedIn(int height) {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1366, height));
        browser.signIn(port, "admin@demo.local", "demo");
        return driver;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
