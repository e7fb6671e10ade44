package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Signing in through the real login page, on the demo data, in a real browser. */
@BrowserTestApplication
@ActiveProfiles("demo")
class LoginBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void agentSignsInAndSeesOnlyTheirOwnNumbers() {
        WebDriver driver = browser.driver();

        WebElement submit = browser.submitLogin(port, "ana@demo.local", "demo");
        browser.waitUntilReplaced(submit);
        browser.waiting().until(d -> !path(d).equals("/login")
                || !d.findElements(By.cssSelector(".alert-danger")).isEmpty());

        assertThat(path(driver)).as("page after signing in (%s)", driver.getCurrentUrl()).isEqualTo("/");
        WebElement selector = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("select#number-selector")));
        assertThat(new Select(selector).getOptions())
                .extracting(option -> option.getText().strip())
                .as("numbers Ana may work on, by name")
                .containsExactly("Loja Centro", "Loja Online");

        browser.screenshot("home");
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithAnError() {
        WebDriver driver = browser.driver();

        WebElement submit = browser.submitLogin(port, "ana@demo.local", "not-the-password");
        browser.waitUntilReplaced(submit);
        WebElement alert = browser.waiting()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));

        assertThat(path(driver)).as("page after a wrong password (%s)", driver.getCurrentUrl()).isEqualTo("/login");
        assertThat(alert.getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#number-selector"))).isEmpty();
    }

    private static String path(WebDriver driver) {
        String path = URI.create(driver.getCurrentUrl()).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
