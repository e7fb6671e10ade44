package br.com.balcao.channel;

import static br.com.balcao.channel.AppInstances.base;
import static br.com.balcao.channel.AppInstances.browser;
import static br.com.balcao.channel.AppInstances.postSigned;
import static br.com.balcao.channel.AppInstances.signIn;
import static br.com.balcao.channel.AppInstances.url;
import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.support.TestData;
import br.com.balcao.support.TestPostgres;
import br.com.balcao.tickets.InactivityCloser;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two app processes' worth of the application (two contexts, each with its own web server and pool) on one
 * PostgreSQL: a session made on one is valid on the other, a message received by one is streamed live by
 * the other, concurrent inbound load on both never gives a ticket to two agents or an agent more
 * tickets than their slots, and a scheduled job runs on one instance at a time.
 */
class TwoInstancesTest {

    private static HikariDataSource database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcTemplate jdbc;
    private static TestData data;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        database = TestPostgres.newDatabase();
        first = AppInstances.start(database);
        second = AppInstances.start(database);
        jdbc = new JdbcTemplate(database);
        data = new TestData(jdbc, first.getBean(PasswordEncoder.class));
    }

    @AfterAll
    static void stop() {
        Stream.of(first, second).filter(context -> context != null).forEach(ConfigurableApplicationContext::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOther() throws Exception {
        long number = data.openNumber("Duas instâncias " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        HttpClient browser = browser();

        signIn(browser, base(first), emailOf(agent));
        HttpResponse<String> desk = browser.send(HttpRequest.newBuilder(url(second, "/desk")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains("id=\"desk\"");
    }

    @Test
    void aMessageReceivedByOneInstanceIsStreamedByTheOther() throws Exception {
        long number = data.openNumber("Ao vivo " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        HttpClient browser = browser();
        signIn(browser, base(second), emailOf(agent));
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpRequest events = HttpRequest.newBuilder(url(second, "/desk/events"))
                .header("Accept", "text/event-stream").build();
        var stream = browser.sendAsync(events, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(streamed::add));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !streamed.isEmpty() || stream.isDone());

            postSigned(base(first), addressedTo("text.json", data.phoneNumberId(number)));

            await().atMost(Duration.ofSeconds(15)).until(() ->
                    streamed.stream().anyMatch(line -> line.contains("MessageReceived") && line.contains("" + number)));
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void concurrentCustomersOnBothInstancesNeverGiveATicketTwiceOrAnAgentMoreThanTheirSlots() throws Exception {
        long number = data.openNumber("Carga " + TestData.unique());
        long ana = data.agent(number, "ONLINE");
        long bruno = data.agent(number, "ONLINE");
        jdbc.update("UPDATE app_users SET ticket_slots = 3 WHERE id IN (?, ?)", ana, bruno);
        String phoneNumberId = data.phoneNumberId(number);
        int customers = 24;

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < customers; i++) {
                ConfigurableApplicationContext instance = i % 2 == 0 ? first : second;
                String waId = TestData.waId();
                byte[] body = new String(addressedTo("text.json", phoneNumberId), StandardCharsets.UTF_8)
                        .replace("16505551234", waId)
                        .replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==", "wamid.two." + waId)
                        .getBytes(StandardCharsets.UTF_8);
                answers.add(pool.submit(() -> postSigned(base(instance), body)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM tickets WHERE number_id = ? AND status = 'ASSIGNED'", Long.class, number))
                .isEqualTo(6));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number))
                .isEqualTo(customers);
        assertThat(jdbc.queryForList("""
                SELECT count(*) FROM tickets WHERE number_id = ? AND status = 'ASSIGNED' GROUP BY agent_id
                """, Long.class, number)).containsExactly(3L, 3L);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM tickets WHERE number_id = ? AND status = 'WAITING' AND agent_id IS NULL
                """, Long.class, number)).isEqualTo(customers - 6);
    }

    @Test
    void aScheduledJobRunningOnOneInstanceIsSkippedByTheOther() {
        LockProvider locks = first.getBean(LockProvider.class);
        Optional<SimpleLock> runningOnFirst = locks.lock(new LockConfiguration(Instant.now(), "inactivity-closer",
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(runningOnFirst).as("the first instance runs the inactivity closer").isPresent();
        long number = data.openNumber("Tarefas " + TestData.unique());
        long ticket = data.ticket(number, data.contact(number, "Cliente silencioso"), "WAITING", null);
        jdbc.update("UPDATE tickets SET created_at = now() - interval '1 day', "
                + "last_customer_message_at = now() - interval '1 day' WHERE id = ?", ticket);
        InactivityCloser closerOfSecond = second.getBean(InactivityCloser.class);

        closerOfSecond.closeInactive();
        assertThat(statusOf(ticket)).as("skipped while the first instance holds the job").isEqualTo("WAITING");

        runningOnFirst.get().unlock();
        closerOfSecond.closeInactive();
        assertThat(statusOf(ticket)).isEqualTo("CLOSED");
    }

    private static String statusOf(long ticket) {
        return jdbc.queryForObject("SELECT status FROM tickets WHERE id = ?", String.class, ticket);
    }

    private static String emailOf(long userId) {
        return jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, userId);
    }

}
