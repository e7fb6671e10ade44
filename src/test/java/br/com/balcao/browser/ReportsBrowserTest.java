package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The reports page in a real browser on the demo data: reached from the menu, both charts draw, the heat map shows. */
@BrowserTestApplication
@ActiveProfiles("demo")
class ReportsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Test
    void aManagerOpensReportsFromTheMenuAndTheChartsDraw() {
        WebDriver driver = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) driver;
        browser.signIn(port, "manager@demo.local", "demo");
        driver.get("http://localhost:" + port + "/reports?number=all&period=LAST_30_DAYS&group=DAY");
        assertThat(driver.findElements(By.cssSelector("a[href='/reports']"))).as("the menu entry").isNotEmpty();
        browser.waiting().until(d -> (Boolean) script.executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('tickets-chart') !== undefined"
                        + " && Chart.getChart('times-chart') !== undefined"));
        assertThat(driver.findElements(By.cssSelector("#table-periods tbody tr"))).hasSize(30);
        assertThat(driver.findElements(By.cssSelector("#table-hours tbody td"))).hasSize(7 * 24);
        browser.screenshot("reports");
        script.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
                driver.findElement(By.id("table-hours")));
        browser.screenshot("reports-tables");
    }
}
