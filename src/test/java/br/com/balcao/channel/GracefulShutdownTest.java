package br.com.balcao.channel;

import static br.com.balcao.channel.AppInstances.base;
import static br.com.balcao.channel.AppInstances.browser;
import static br.com.balcao.channel.AppInstances.postSigned;
import static br.com.balcao.channel.AppInstances.signIn;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.support.TestData;
import br.com.balcao.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A shutdown a load balancer can follow: readiness answers DOWN at once while the instance goes on serving for
 * the drain delay (a webhook then is still stored), then the live streams end normally (browsers reconnect to
 * another instance) and the instance stops.
 */
class GracefulShutdownTest {

    private static final Duration DRAIN = Duration.ofSeconds(4);

    private HikariDataSource database;
    private ConfigurableApplicationContext instance;

    @BeforeEach
    void start() {
        database = TestPostgres.newDatabase();
        instance = AppInstances.start(database, "--balcao.shutdown.drain-delay=" + DRAIN.toSeconds() + "s",
                "--balcao.instance-name=primeira");
    }

    @AfterEach
    void stop() {
        instance.close();
        database.close();
    }

    @Test
    void readinessIsDownWhileTheInstanceStillServesThenTheLiveStreamsEndAndItStops() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        TestData data = new TestData(jdbc, instance.getBean(PasswordEncoder.class));
        long number = data.openNumber("Desligamento " + TestData.unique());
        long agent = data.agent(number, "OFFLINE");
        String base = base(instance);
        HttpClient browser = browser();
        signIn(browser, base, jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, agent));
        HttpResponse<String> ready = readiness(base);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("X-Balcao-Instance")).hasValue("primeira");

        List<String> streamed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> stream = browser.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/desk/events")).header("Accept", "text/event-stream")
                                .build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(streamed::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> streamed.stream().anyMatch(line -> line.contains("ready")));

        long closing = System.nanoTime();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(instance::close);
        await().atMost(Duration.ofSeconds(2)).until(() -> readiness(base).statusCode() == 503);
        assertThat(readiness(base).body()).contains("OUT_OF_SERVICE");

        String wamid = "wamid.drain." + TestData.unique();
        assertThat(postSigned(base, textMessage(data.phoneNumberId(number), wamid, TestData.waId())))
                .as("a webhook during the drain is still taken").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE wamid = ?", Long.class, wamid))
                .isEqualTo(1);
        assertThat(stream).as("the live stream stays open during the drain").isNotDone();

        closed.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isGreaterThanOrEqualTo(DRAIN);
        stream.get(5, TimeUnit.SECONDS); // ended normally: the browser's EventSource reconnects
        assertThat(stream).isCompleted();
    }

    private static HttpResponse<String> readiness(String base) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
