package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The manager's dashboard in a real browser, on the demo data: the chart draws, and figures update in place. */
@BrowserTestApplication
@ActiveProfiles("demo")
class MonitoringBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    InboundPipeline pipeline;

    @Test
    void aNewCustomerMessageUpdatesTheFiguresWithoutReloadingAndTheOpenTabStaysOpen() {
        WebDriver driver = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) driver;
        browser.signIn(port, "manager@demo.local", "demo");
        driver.get("http://localhost:" + port + "/monitoring?number=all");
        browser.waiting().until(d -> (Boolean) script.executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('hourly-chart') !== undefined"));
        long total = Long.parseLong(driver.findElement(By.id("metric-total")).getText());
        script.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", driver.findElement(By.id("tab-agents")));
        driver.findElement(By.id("tab-agents")).click();
        browser.waiting().until(d -> d.findElement(By.id("pane-agents")).isDisplayed());
        script.executeScript("window.monitoringMarker = 42;");

        long number = jdbc.queryForObject("SELECT id FROM business_numbers WHERE phone_number_id = '100000000000003'",
                Long.class);
        pipeline.receive(number, InboundMessage.text("wamid.monitor" + TestData.unique(), TestData.waId(), "Nova Cliente",
                clock.instant(), "Olá, tudo bem?"));

        browser.waiting().until(d -> d.findElement(By.id("metric-total")).getText().equals(String.valueOf(total + 1)));
        assertThat(script.executeScript("return window.monitoringMarker")).as("not reloaded").isEqualTo(42L);
        assertThat(driver.findElement(By.id("pane-agents")).isDisplayed()).as("the open tab stays open").isTrue();
        assertThat(driver.findElement(By.id("pane-service")).isDisplayed()).isFalse();
        browser.screenshot("monitoring");
    }

    @Test
    void agentsAreTurnedAway() {
        WebDriver driver = browser.driver();
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/monitoring");
        assertThat(driver.getPageSource()).contains("Acesso negado");
        assertThat(driver.findElements(By.cssSelector("a[href='/monitoring']"))).as("no menu entry for agents").isEmpty();
    }
}
