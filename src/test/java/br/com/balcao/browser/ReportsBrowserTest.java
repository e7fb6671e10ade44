package br.com.balcao.browser;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reports page in a real browser on the demo data: reached from the menu, the charts draw, the heat map shows;
 * the satisfaction survey's settings, answers (reports, the Desk card) and the scheduled messages' form and notices.
 */
@BrowserTestApplication
@ActiveProfiles("demo")
class ReportsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    /** Scrolls an element to the top of the window, below the fixed top bar. */
    private static final String SCROLL_TO_TOP =
            "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'}); window.scrollBy(0, -72);";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

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

    @Test
    void anAdminSeesTheSurveySettingsRebuildsTheTotalsAndTheSatisfactionChartDraws() {
        WebDriver driver = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) driver;
        // Surveys on the demo's served tickets: one in four unanswered, the others Great, Good or Poor in turn.
        jdbc.update("""
                UPDATE tickets SET survey_sent_at = closed_at,
                       satisfaction = (ARRAY[NULL, 'GOOD', 'OK', 'BAD'])[id % 4 + 1],
                       satisfaction_answered_at = CASE WHEN id % 4 = 0 THEN NULL ELSE closed_at END
                 WHERE close_reason IN ('ATTENDANT', 'CLIENT', 'CLIENT_INACTIVITY')""");
        browser.signIn(port, "admin@demo.local", "demo");

        driver.get("http://localhost:" + port + "/settings/numbers");
        WebElement survey = browser.waiting().until(d -> d.findElement(By.id("survey")));
        script.executeScript(SCROLL_TO_TOP, survey);
        browser.screenshot("settings-survey");

        // The demo's days may be rolled up already: the admin rebuilds them from the tickets.
        LocalDate today = clock.instant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate();
        driver.get("http://localhost:" + port + "/reports?number=all&period=LAST_30_DAYS");
        WebElement rebuild = driver.findElement(By.id("rebuild-link"));
        script.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", rebuild);
        rebuild.click();
        browser.waiting().until(d -> d.findElement(By.id("rebuild-form")));
        script.executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                driver.findElement(By.id("rebuild-from")), today.minusDays(40).toString(),
                driver.findElement(By.id("rebuild-to")), today.toString());
        driver.findElement(By.id("rebuild-submit")).click();
        browser.waiting().until(d -> !d.findElements(By.id("rebuild-started")).isEmpty());
        browser.screenshot("reports-rebuild");
        browser.waiting().until(d -> jdbc.queryForObject(
                "SELECT count(*) FROM shedlock WHERE name = 'report-rollups' AND lock_until > now()", Long.class) == 0);

        driver.get("http://localhost:" + port + "/reports?number=all&period=LAST_30_DAYS&group=WEEK");
        browser.waiting().until(d -> (Boolean) script.executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('satisfaction-chart') !== undefined"));
        assertThat(browser.textOf(By.cssSelector("#table-satisfaction tfoot"))).contains("%");
        script.executeScript(SCROLL_TO_TOP, driver.findElement(By.id("satisfaction")));
        browser.screenshot("reports-satisfaction");
    }

    @Test
    void anAgentOpensTheSchedulingFormFromTheDeskCardSeesAnAnswerOnTheCardAndIsToldOfASkippedMessage() {
        WebDriver driver = browser.driver();
        JavascriptExecutor script = (JavascriptExecutor) driver;
        Map<String, Object> ticket = jdbc.queryForMap("""
                SELECT t.id, t.contact_id, t.number_id, t.agent_id FROM tickets t JOIN app_users u ON u.id = t.agent_id
                 WHERE u.email = 'ana@demo.local' AND t.status = 'OPEN'
                   AND EXISTS (SELECT 1 FROM tickets e WHERE e.contact_id = t.contact_id AND e.status = 'CLOSED')
                 ORDER BY t.id LIMIT 1""");
        jdbc.update("""
                UPDATE tickets SET survey_sent_at = closed_at, satisfaction = 'BAD', satisfaction_answered_at = closed_at,
                                   satisfaction_comment = 'Demorou para responder'
                 WHERE id = (SELECT max(id) FROM tickets WHERE contact_id = ? AND status = 'CLOSED')""",
                ticket.get("contact_id"));
        browser.signIn(port, "ana@demo.local", "demo");
        driver.get("http://localhost:" + port + "/desk/tickets/" + ticket.get("id"));

        WebElement answer = browser.waiting().until(d -> d.findElement(By.cssSelector(".earlier-ticket-satisfaction")));
        assertThat(answer.getText()).isEqualTo("Satisfação: Ruim");
        script.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", answer);
        browser.screenshot("desk-card-satisfaction");

        // A message of Ana's that the sender skipped (window closed, no template), announced as the sender does.
        long skipped = jdbc.queryForObject("""
                INSERT INTO scheduled_messages (number_id, contact_id, author_id, body, first_local, due_at, repetition,
                                                status, last_result, last_run_at, created_at)
                VALUES (?, ?, ?, 'Lembrete: sua encomenda chega amanhã', now(), now(), 'NONE', 'SKIPPED',
                        'skipped-window', now(), now())
                RETURNING id""", Long.class, ticket.get("number_id"), ticket.get("contact_id"), ticket.get("agent_id"));
        jdbc.queryForList("SELECT pg_notify('balcao_live', ?)", """
                {"kind":"ScheduledMessageSkipped","numberId":%s,"contactId":%s,"ticketId":null,"messageId":null,"agentId":%s}
                """.formatted(ticket.get("number_id"), ticket.get("contact_id"), ticket.get("agent_id")).strip());
        WebElement notice = browser.waiting().until(d -> d.findElement(
                By.cssSelector(".skipped-notice[data-scheduled-id='" + skipped + "']")));
        assertThat(notice.getText()).contains("não enviada", "a janela de 24 horas estava fechada");
        browser.screenshot("desk-skipped-notice");
        notice.findElement(By.cssSelector(".skipped-dismiss")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector(".skipped-notice")).isEmpty());

        driver.findElement(By.id("card-schedule")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/scheduled/new"));
        browser.screenshot("scheduling-form");
    }
}
