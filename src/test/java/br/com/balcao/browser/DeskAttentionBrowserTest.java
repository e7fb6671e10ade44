package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the Desk does for an agent's attention and hands: the tab title's count, the beep and notification of a
 * new ticket or message, the keyboard, and drafts that outlive switching tickets and reloading.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class DeskAttentionBrowserTest {

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
    void theTabTitleCountsTheTicketsWaitingForMeAndNewOnesBeepAndNotifyWhileTheTabIsHidden() {
        long number = data.openNumber("Alertas " + TestData.unique());
        String agent = onlineAgentOf(number);
        long waiting = new AgentTickets(jdbc, data, clock).ticketOf(agent, number, "OPEN");
        AlertProbe.install(browser);
        LiveProbe.install(browser);
        browser.signIn(port, agent, TestData.PASSWORD);
        browser.driver().get(url("/desk"));
        LiveProbe.awaitConnected(browser);
        assertThat(browser.driver().getTitle()).isEqualTo("(1) Desk · Balcão");

        browser.driver().findElement(By.id("user-menu")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("label[for=desk-preference-notifications]"))
                .isDisplayed());
        browser.screenshot("desk-alerts-menu");
        browser.driver().findElement(By.cssSelector("label[for=desk-preference-notifications]")).click();
        browser.waiting().until(d -> d.findElement(By.id("desk-preference-notifications")).isSelected());
        AlertProbe.pretendTheTabIsHidden(browser);

        CustomerMessages customers = new CustomerMessages(port, clock);
        customers.write(data.phoneNumberId(number), TestData.waId(), "Bom dia, vocês abrem sábado?");
        browser.waiting().until(d -> d.getTitle().equals("(2) Desk · Balcão"));
        browser.waiting().until(d -> AlertProbe.notificationTitles(browser).contains("Novo ticket: Cliente"));

        customers.writeOn(jdbc, waiting, "Alguém aí?");
        browser.waiting().until(d -> AlertProbe.notificationTitles(browser).size() == 2);
        assertThat(AlertProbe.notificationTitles(browser).get(1)).endsWith(" escreveu");
        assertThat(AlertProbe.beeps(browser)).as("one beep for each").isEqualTo(2);
        assertThat(browser.driver().getTitle()).as("both still wait for the agent").isEqualTo("(2) Desk · Balcão");
    }

    @Test
    void aDraftSurvivesSwitchingTicketsWithTheKeyboardAndAReloadUntilItIsSent() {
        long number = data.openNumber("Rascunhos " + TestData.unique());
        String agent = onlineAgentOf(number);
        AgentTickets tickets = new AgentTickets(jdbc, data, clock);
        tickets.ticketOf(agent, number, "OPEN");
        tickets.ticketOf(agent, number, "OPEN");
        WebDriver driver = browser.driver();
        browser.signIn(port, agent, TestData.PASSWORD);
        driver.get(url("/desk"));
        browser.waiting().until(d -> d.findElement(By.cssSelector("#desk-list .desk-ticket")));
        new Actions(driver).sendKeys("j").perform();
        browser.waiting().until(d -> openTicket() > 0);
        long top = openTicket();
        composer().sendKeys("Vou verificar o seu pedido");

        composer().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        browser.waiting().until(d -> openTicket() != top);
        assertThat(composer().getDomProperty("value")).isEmpty();
        composer().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        browser.waiting().until(d -> openTicket() == top);
        assertThat(composer().getDomProperty("value")).isEqualTo("Vou verificar o seu pedido");

        driver.navigate().refresh();
        assertThat(composer().getDomProperty("value")).isEqualTo("Vou verificar o seu pedido");
        composer().sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.findElement(By.id("timeline")).getText().contains("Vou verificar o seu pedido"));
        driver.navigate().refresh();
        assertThat(composer().getDomProperty("value")).as("sent, so no longer a draft").isEmpty();

        new Actions(driver).sendKeys("?").perform();
        browser.waiting().until(d -> d.findElement(By.id("desk-help")).isDisplayed());
        browser.screenshot("desk-help");
    }

    private String onlineAgentOf(long number) {
        long agent = data.agent(number, "ONLINE");
        return jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, agent);
    }

    /** The ticket the Desk shows, or 0 for none. */
    private long openTicket() {
        String id = browser.driver().findElement(By.id("desk")).getDomAttribute("data-ticket-id");
        return id == null ? 0 : Long.parseLong(id);
    }

    private WebElement composer() {
        return browser.waiting().until(d -> d.findElement(By.id("reply-text")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
