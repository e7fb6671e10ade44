package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The contacts list filters in place (htmx), keeps the filter in the address bar, and goes back with the browser. */
@BrowserTestApplication
@ActiveProfiles("demo")
class ContactsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aFilterNarrowsTheListWithoutReloadingThePageAndBackShowsTheWholeListAgain() {
        WebDriver driver = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) driver;
        browser.signIn(port, "manager@demo.local", "demo");
        driver.get("http://localhost:" + port + "/contacts");
        int unfiltered = names(driver).size();
        assertThat(unfiltered).isGreaterThan(10);
        script.executeScript("window.contactsMarker = 7;");

        driver.findElement(By.id("f-name")).sendKeys("silva");
        driver.findElement(By.cssSelector("#contacts-filter button[type=submit]")).click();

        browser.waiting().until(d -> d.getCurrentUrl().contains("name=silva"));
        browser.waiting().until(d -> !names(d).isEmpty()
                && names(d).stream().allMatch(name -> name.toLowerCase().contains("silva")));
        assertThat(script.executeScript("return window.contactsMarker")).as("not reloaded").isEqualTo(7L);
        assertThat(driver.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("silva");
        browser.screenshot("contacts-filtered");

        driver.navigate().back();
        browser.waiting().until(d -> !d.getCurrentUrl().contains("name="));
        browser.waiting().until(d -> names(d).size() == unfiltered);
    }

    private static List<String> names(WebDriver driver) {
        return driver.findElements(By.cssSelector("#contacts-page .contact-row td:first-child a")).stream()
                .map(WebElement::getText).toList();
    }
}
