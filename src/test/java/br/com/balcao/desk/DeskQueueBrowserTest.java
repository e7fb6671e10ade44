package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.browser.Browser;
import br.com.balcao.support.BrowserTestApplication;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.TicketClaims;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser: a full agent reads their capacity and why nothing arrives; with a slot free, they open the
 * queue, take a ticket, and the queue and their capacity follow live when a colleague takes the rest.
 */
@BrowserTestApplication
class DeskQueueBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    TicketClaims claims;

    long online;
    long centre;
    long agent;

    @BeforeEach
    void anAgentOnTwoNumbers() {
        clock.set(TestClock.START);
        online = quietNumber("A Loja Online " + TestData.unique());
        centre = quietNumber("B Loja Centro " + TestData.unique());
        // On a break, so that the distribution leaves the queue to the test.
        agent = data.agent(online, "BREAK");
        data.member(agent, centre);
    }

    @Test
    void aFullAgentSeesWhyNothingArrivesAndCannotTake() {
        active(centre, 3);
        active(online, 2);
        waiting(online, "Cliente Na Fila", 20);
        WebDriver driver = browser.driver();
        browser.signIn(port, emailOf(agent), TestData.PASSWORD);
        driver.get("http://localhost:" + port + "/desk");

        assertThat(driver.findElement(By.id("agent-capacity")).getText()).isEqualTo("5/5");
        assertThat(driver.findElement(By.cssSelector(".desk-full")).getText())
                .contains("Você está no seu limite: 5 de 5 tickets em atendimento, contando todos os seus números");
        driver.findElement(By.id("queue-size")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector(".queued-ticket")).size() == 1);
        assertThat(driver.findElement(By.id("take-next")).isEnabled()).isFalse();
        browser.screenshot("desk-queue-full");
    }

    @Test
    void anAgentWithAFreeSlotOpensTheQueueAndTakesAChosenTicket() {
        active(centre, 3);
        waiting(online, "Mais Antigo", 40);
        long chosen = waiting(online, "Escolhido Agora", 5);
        WebDriver driver = browser.driver();
        browser.signIn(port, emailOf(agent), TestData.PASSWORD);
        driver.get("http://localhost:" + port + "/desk");
        assertThat(driver.findElement(By.cssSelector(".desk-not-receiving")).getText()).contains("Você está em pausa");

        driver.findElement(By.id("queue-size")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector(".queued-ticket")).size() == 2);
        assertThat(driver.findElement(By.cssSelector(".queued-ticket")).getText()).contains("Mais Antigo");
        browser.screenshot("desk-queue-open");
        driver.findElement(By.cssSelector("[data-queued-ticket-id='" + chosen + "'] .take-ticket")).click();

        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/desk/tickets/" + chosen));
        assertThat(driver.findElement(By.id("agent-capacity")).getText()).isEqualTo("4/5");
        assertThat(driver.findElement(By.id("conversation-contact-name")).getText()).isEqualTo("Escolhido Agora");
        assertThat(driver.findElements(By.cssSelector(".queued-ticket"))).hasSize(1);

        jdbc.update("UPDATE tickets SET status = 'CLOSED', close_reason = 'ATTENDANT', closed_at = ? WHERE agent_id = ?"
                + " AND number_id = ?", Timestamp.from(TestClock.START), agent, centre);
        long colleague = data.agent(online, "BREAK");
        claims.takeNext(colleague, List.of(online));

        browser.waiting().until(d -> d.findElements(By.cssSelector(".queued-ticket")).isEmpty());
        assertThat(driver.findElement(By.id("queue-size")).getText()).isEqualTo("0 na fila");
        assertThat(driver.findElement(By.id("agent-capacity")).getText()).isEqualTo("1/5");
        browser.screenshot("desk-queue-taken");
    }

    private long waiting(long numberId, String name, int minutesAgo) {
        long ticket = data.ticket(numberId, data.contact(numberId, name), "WAITING", null);
        jdbc.update("UPDATE tickets SET created_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minus(Duration.ofMinutes(minutesAgo))), ticket);
        return ticket;
    }

    private void active(long numberId, int count) {
        for (int i = 0; i < count; i++) {
            data.ticket(numberId, data.contact(numberId, "Ativo " + TestData.unique()), "OPEN", agent);
        }
    }

    private long quietNumber(String name) {
        long id = data.openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    private String emailOf(long userId) {
        return jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, userId);
    }
}
