package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole story in three browsers: a customer writes through the simulator, the agent gets the ticket live on
 * the Desk and answers with a quick reply, the customer sees it, the agent closes the ticket with a tag, the
 * manager watches the day's counts move on Monitoring and downloads the ticket's PDF from History.
 * <p>
 * It runs on a number, agent, manager, quick reply and tag of its own, so that the demo data and the other
 * browser tests sharing the database neither take its ticket nor move its counts.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class JourneyBrowserTest {

    @RegisterExtension
    static final Browser customer = new Browser();

    @RegisterExtension
    static final Browser agent = new Browser();

    @RegisterExtension
    static final Browser manager = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    TestData data;

    @Test
    void aCustomerIsServedFromFirstMessageToTheTicketsPdf() throws Exception {
        clock.set(TestClock.START); // a working Monday afternoon, whatever an earlier test left
        Journey journey = Journey.cast(data, jdbc);

        managerWatchesTheDay(journey);
        agentWaitsOnTheDesk(journey);
        customerWrites(journey);
        long ticket = agentTakesTheNewTicket(journey);

        answerWithTheQuickReply(journey);
        live(customer).until(d -> d.findElement(By.id("sim-thread")).getText().contains(journey.replyBody()));
        live(manager).until(d -> metric("total") == 1);

        closeWithTheTag(journey);
        live(manager).until(d -> metric("closed") == 1 && metric("total") == 1);
        assertThat(script(manager.driver()).executeScript("return window.journeyMarker"))
                .as("the figures moved without a reload").isEqualTo("monitoring");
        assertThat(jdbc.queryForMap("SELECT status, number_id FROM tickets WHERE id = ?", ticket))
                .containsEntry("status", "CLOSED").containsEntry("number_id", journey.numberId());
        assertThat(jdbc.queryForList("SELECT tag_id FROM ticket_tags WHERE ticket_id = ?", Long.class, ticket))
                .containsExactly(journey.tagId());

        String pdf = pdfFromHistory(ticket);
        assertThat(pdf).contains(Journey.CUSTOMER_MESSAGE).contains(journey.replyBody());
    }

    private void managerWatchesTheDay(Journey journey) {
        manager.signIn(port, journey.managerEmail(), TestData.PASSWORD);
        LiveProbe.install(manager);
        manager.driver().get(url("/monitoring?number=" + journey.numberId()));
        LiveProbe.awaitConnected(manager);
        assertThat(metric("total")).isZero();
        assertThat(metric("closed")).isZero();
        script(manager.driver()).executeScript("window.journeyMarker = 'monitoring';");
    }

    private void agentWaitsOnTheDesk(Journey journey) {
        agent.signIn(port, journey.agentEmail(), TestData.PASSWORD);
        LiveProbe.install(agent);
        agent.driver().get(url("/desk"));
        LiveProbe.awaitConnected(agent);
        script(agent.driver()).executeScript("window.journeyMarker = 'desk';");
    }

    /** The ticket shows up in the Desk's list without a reload; the agent opens it. Answers its id. */
    private long agentTakesTheNewTicket(Journey journey) {
        long ticket = live(agent).until(d -> d.findElements(By.cssSelector("#desk-list .desk-ticket")).stream()
                .filter(link -> link.getText().contains(journey.customerName()))
                .map(link -> Long.valueOf(link.getDomAttribute("data-ticket-id"))).findFirst().orElse(null));
        assertThat(script(agent.driver()).executeScript("return window.journeyMarker"))
                .as("the ticket arrived without a reload").isEqualTo("desk");
        live(agent).until(d -> {
            d.findElement(By.cssSelector("#desk-list .desk-ticket[data-ticket-id='" + ticket + "']")).click();
            return true;
        });
        live(agent).until(d -> !d.findElements(By.cssSelector("#desk[data-ticket-id='" + ticket + "']")).isEmpty());
        LiveProbe.awaitConnected(agent);
        live(agent).until(d -> d.findElement(By.id("timeline")).getText().contains(Journey.CUSTOMER_MESSAGE));
        return ticket;
    }

    private void customerWrites(Journey journey) {
        WebDriver driver = customer.driver();
        customer.signIn(port, "admin@demo.local", "demo");
        LiveProbe.install(customer);
        driver.get(url("/simulator?numberId=" + journey.numberId() + "&phone=" + encode(journey.customerPhone())
                + "&name=" + encode(journey.customerName())));
        LiveProbe.awaitConnected(customer);
        live(customer).until(d -> d.findElement(By.id("sim-text"))).sendKeys(Journey.CUSTOMER_MESSAGE);
        driver.findElement(By.cssSelector("#sim-composer button[type=submit]")).click();
        live(customer).until(d -> d.findElement(By.id("sim-thread")).getText().contains(Journey.CUSTOMER_MESSAGE));
    }

    /** Types "/" and the start of the reply's title, picks it among the suggestions with the mouse, sends it. */
    private void answerWithTheQuickReply(Journey journey) {
        WebElement box = live(agent).until(d -> d.findElement(By.id("reply-text")));
        box.sendKeys("/" + journey.replyTitle().substring(0, 8));
        live(agent).until(d -> {
            WebElement option = d.findElements(By.cssSelector("#quick-replies .quick-reply-option")).stream()
                    .filter(o -> o.isDisplayed() && o.getText().contains(journey.replyTitle())).findFirst().orElse(null);
            if (option != null) {
                option.click();
            }
            return option != null;
        });
        live(agent).until(d -> journey.replyBody().equals(d.findElement(By.id("reply-text")).getDomProperty("value")));
        agent.driver().findElement(By.id("reply-send")).click();
        live(agent).until(d -> d.findElement(By.id("timeline")).getText().contains(journey.replyBody()));
    }

    private void closeWithTheTag(Journey journey) {
        By tag = By.cssSelector("label[for=close-tag-" + journey.tagId() + "]");
        live(agent).until(d -> d.findElement(By.id("close-button"))).click();
        live(agent).until(d -> d.findElement(tag).isDisplayed());
        agent.driver().findElement(tag).click();
        agent.driver().findElement(By.id("close-confirm")).click();
        live(agent).until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/desk"));
    }

    /** Finds the ticket's download link on the History page and fetches it with the manager's session. */
    private String pdfFromHistory(long ticket) throws IOException, InterruptedException {
        manager.driver().get(url("/history"));
        String href = live(manager).until(d -> d.findElement(By.cssSelector("a.history-pdf[href='/history/"
                + ticket + "/pdf']"))).getDomAttribute("href");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(href)))
                        .header("Cookie", "SESSION=" + manager.driver().manage().getCookieNamed("SESSION").getValue())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/pdf"));
        return text(response.body());
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** Live events redraw parts of every page, so an element found may go stale before it is read: look again. */
    private static FluentWait<WebDriver> live(Browser browser) {
        return browser.waiting().ignoring(StaleElementReferenceException.class);
    }

    private long metric(String name) {
        return Long.parseLong(manager.driver().findElement(By.id("metric-" + name)).getText().strip());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static JavascriptExecutor script(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
