package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The page frame on a page much taller than the window. */
@BrowserTestApplication
@ActiveProfiles("demo")
class LayoutBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void theSideMenuReachesTheBottomOfATallPageAndStaysInView() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
        browser.signIn(port, "admin@demo.local", "demo");
        driver.get("http://localhost:" + port + "/history");
        // The demo's Loja Centro, with its hundred days of tickets, whatever numbers other tests of this context made.
        new Select(browser.waiting().until(d -> d.findElement(By.id("number-selector")))).selectByValue("1");
        browser.waiting().until(d -> d.findElements(By.cssSelector("table tbody tr")).size() > 20);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("side-menu")));
        JavascriptExecutor js = (JavascriptExecutor) driver;

        double pageHeight = number(js, "return document.documentElement.scrollHeight");
        double menuHeight = number(js, "return document.getElementById('side-menu').getBoundingClientRect().height");
        js.executeScript("window.scrollTo(0, document.documentElement.scrollHeight)");
        double linksTop = number(js,
                "return document.querySelector('#side-menu .offcanvas-body').getBoundingClientRect().top");

        assertThat(pageHeight).as("the page is taller than the window").isGreaterThan(1500);
        // Its box, not only what the window shows: a printed page or a full-page capture shows all of it.
        assertThat(menuHeight).as("the side menu's height").isGreaterThanOrEqualTo(pageHeight - 56 - 1);
        assertThat(linksTop).as("the menu's links, scrolled to the bottom").isBetween(0.0, 900.0);
        browser.screenshot("history-scrolled");
    }

    private static double number(JavascriptExecutor js, String script) {
        return ((Number) js.executeScript(script)).doubleValue();
    }
}
