package br.com.balcao.conversations;

import static br.com.balcao.conversations.ConversationFixtures.minutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.browser.Browser;
import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser: the search as the user types, and transfer requests seen live, by the serving agent on
 * the Desk and by the requester when declined.
 */
@BrowserTestApplication
@Import(ConversationFixtures.class)
class TransferRequestBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    ConversationFixtures fixtures;

    @Autowired
    TransferRequests requests;

    @Autowired
    ConversationHeaders headers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long number;
    long serving;
    long requester;
    long contact;
    long ticket;

    @BeforeEach
    void aConversationServedByAnotherAgent() {
        clock.set(TestClock.START);
        number = fixtures.quietNumber("Loja " + TestData.unique());
        serving = fixtures.agent("Carla Servindo", number);
        requester = fixtures.agent("Bruno Pedindo", number);
        contact = fixtures.contact(number, "Sara Ao Vivo", TestData.waId(), minutesAgo(1));
        ticket = fixtures.ticket(number, contact, "OPEN", serving);
        fixtures.inbound(contact, ticket, "preciso de ajuda", minutesAgo(10));
    }

    @Test
    void theServingAgentSeesTheRequestOnTheDeskWithoutReloadingAndAccepts() {
        WebDriver driver = browser.driver();
        browser.signIn(port, emailOf(serving), TestData.PASSWORD);
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket);
        browser.waiting().until(d -> d.findElement(By.id("reply-text")));
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.pageMarker = Math.random();");

        requests.request(headers.of(contact, requester).orElseThrow(), requester);

        browser.waiting().until(d -> d.findElements(By.cssSelector("#transfer-requests .transfer-accept")).size() == 1);
        assertThat(driver.findElement(By.id("transfer-requests")).getText())
                .contains("Bruno Pedindo pede o atendimento de Sara Ao Vivo");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.pageMarker")).isEqualTo(marker);
        browser.screenshot("conversations-transfer-request-desk");

        driver.findElement(By.cssSelector("#transfer-requests .transfer-accept")).click();

        browser.waiting().until(d -> d.findElements(By.cssSelector("#transfer-requests .transfer-accept")).isEmpty());
        browser.waiting().until(d -> d.findElements(By.id("reply-text")).isEmpty());
        assertThat(jdbc.queryForObject("SELECT agent_id FROM tickets WHERE contact_id = ? AND status <> 'CLOSED'",
                Long.class, contact)).isEqualTo(requester);
    }

    @Test
    void theRequesterAsksFromTheContactPageAndIsToldLiveWhenDeclined() {
        WebDriver driver = browser.driver();
        browser.signIn(port, emailOf(requester), TestData.PASSWORD);
        driver.get("http://localhost:" + port + "/conversations/" + contact);
        browser.waiting().until(d -> d.findElement(By.id("request-transfer"))).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#composer .transfer-pending")).size() == 1);
        browser.screenshot("conversations-transfer-requested");
        long request = jdbc.queryForObject("SELECT id FROM transfer_requests WHERE ticket_id = ? AND status = 'PENDING'",
                Long.class, ticket);

        requests.decline(request, serving);

        browser.waiting().until(d -> d.findElements(By.cssSelector("#composer .transfer-declined")).size() == 1);
        assertThat(driver.findElement(By.id("composer")).getText())
                .contains("Carla Servindo recusou sua solicitação de transferência");
    }

    @Test
    void theRequestersTimelineFollowsTheAcceptWithoutReloading() {
        jdbc.update("UPDATE tickets SET ticket_number = 2126 WHERE id = ?", ticket);
        WebDriver driver = browser.driver();
        browser.signIn(port, emailOf(requester), TestData.PASSWORD);
        driver.get("http://localhost:" + port + "/conversations/" + contact);
        browser.waiting().until(d -> d.findElement(By.id("request-transfer"))).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#composer .transfer-pending")).size() == 1);
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.pageMarker = Math.random();");
        assertThat(driver.findElement(By.cssSelector("#timeline-inner .ticket-boundary")).getText())
                .isEqualTo("Ticket #2126 · Em atendimento");
        long request = jdbc.queryForObject("SELECT id FROM transfer_requests WHERE ticket_id = ? AND status = 'PENDING'",
                Long.class, ticket);

        long linked = requests.accept(request, serving);

        long linkedNumber = jdbc.queryForObject("SELECT ticket_number FROM tickets WHERE id = ?", Long.class, linked);
        browser.waiting().until(d -> d.findElement(By.cssSelector("#timeline-inner .ticket-boundary")).getText()
                .equals("Ticket #2126 · Encerrado"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("#timeline-tickets .ticket-boundary-pending")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#timeline-tickets .ticket-boundary-pending")).getText())
                .isEqualTo("Ticket #" + linkedNumber + " · Atribuído");
        browser.waiting().until(d -> d.findElements(By.id("reply-text")).size() == 1);
        browser.waiting().until(d -> d.findElement(By.id("agent-capacity")).getText().equals("1/5"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.pageMarker")).isEqualTo(marker);
        browser.screenshot("conversations-transfer-accepted-timeline");
    }

    @Test
    void resultsFollowTheTypingAndOpenTheContactsTimeline() {
        WebDriver driver = browser.driver();
        browser.signIn(port, emailOf(requester), TestData.PASSWORD);
        driver.get("http://localhost:" + port + "/conversations");
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.pageMarker = Math.random();");

        driver.findElement(By.id("search-q")).sendKeys("sara ao");

        browser.waiting().until(d -> d.findElements(By.cssSelector(".contact-hit")).size() == 1);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.pageMarker")).isEqualTo(marker);
        assertThat(driver.getCurrentUrl()).contains("q=sara");
        assertThat(driver.findElement(By.cssSelector(".contact-hit")).getText()).contains("Sara Ao Vivo")
                .contains("Em atendimento por Carla Servindo");
        browser.screenshot("conversations-search");

        driver.findElement(By.cssSelector(".contact-hit")).click();
        browser.waiting().until(d -> d.findElement(By.id("request-transfer")));
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("preciso de ajuda");
    }

    private String emailOf(long userId) {
        return jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, userId);
    }
}
