package br.com.balcao.channel;

import static br.com.balcao.channel.AppInstances.base;
import static br.com.balcao.channel.AppInstances.postSigned;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.support.TestData;
import br.com.balcao.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two instances behind a real HAProxy, configured as {@code bench/haproxy/balancer.cfg} (the configuration of
 * docs/deployment.md): while one instance shuts down gracefully, its readiness DOWN takes it out of HAProxy's
 * rotation while it still serves, and every webhook Meta delivers through HAProxy (again, when an answer is not
 * 200) is stored exactly once. Runs where {@code haproxy} is installed (CI installs it); skipped elsewhere.
 */
class BehindHaproxyTest {

    private static final Path CONFIGURATION = Path.of("bench/haproxy/balancer.cfg");
    private static final int MESSAGES = 60;

    private static HikariDataSource database;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Process haproxy;
    private static String balancer;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startTwoInstancesBehindHaproxy() throws Exception {
        Optional<String> program = haproxyProgram();
        Assumptions.assumeTrue(program.isPresent(),
                "haproxy is not installed (Debian: apt-get install haproxy): the test through a real HAProxy is skipped");
        database = TestPostgres.newDatabase();
        first = AppInstances.start(database, "--balcao.instance-name=app1", "--balcao.shutdown.drain-delay=8s");
        second = AppInstances.start(database, "--balcao.instance-name=app2", "--balcao.shutdown.drain-delay=8s");
        jdbc = new JdbcTemplate(database);
        int port = freePort();
        balancer = "http://127.0.0.1:" + port;
        Path configuration = Files.createTempFile("balcao-haproxy", ".cfg");
        configuration.toFile().deleteOnExit();
        Files.writeString(configuration, Files.readString(CONFIGURATION)
                .replace("@LB_PORT@", Integer.toString(port))
                .replace("@APP1@", base(first).substring(base(first).lastIndexOf(':') + 1))
                .replace("@APP2@", base(second).substring(base(second).lastIndexOf(':') + 1)));
        File log = new File("target/haproxy-" + port + ".log");
        haproxy = new ProcessBuilder(program.get(), "-db", "-f", configuration.toString())
                .redirectErrorStream(true).redirectOutput(log).start();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            assertThat(haproxy.isAlive()).as("haproxy runs (see %s)", log).isTrue();
            return seenThroughBalancer(8).containsAll(List.of("app1", "app2"));
        });
    }

    @AfterAll
    static void stop() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        Stream.of(first, second).filter(context -> context != null).forEach(ConfigurableApplicationContext::close);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anInstanceShuttingDownLeavesTheRotationWhileServingAndEveryWebhookIsStoredOnce() throws Exception {
        TestData data = new TestData(jdbc, first.getBean(PasswordEncoder.class));
        String phoneNumberId = data.phoneNumberId(data.openNumber("Balanceador " + TestData.unique()));
        String run = "wamid.haproxy." + TestData.unique() + ".";
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> meta = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                answers.add(deliverUntilAnswered200(textMessage(phoneNumberId, run + i, TestData.waId())));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() >= MESSAGES / 4);

        String firstBase = base(first);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
        await().atMost(Duration.ofSeconds(2)).until(() -> readiness(firstBase) == 503);
        await().atMost(Duration.ofSeconds(6)).until(() -> seenThroughBalancer(6).equals(List.of("app2")));
        assertThat(closing).as("out of rotation while still draining").isNotDone();
        assertThat(get(firstBase + "/login").statusCode()).as("still serving while draining").isEqualTo(200);

        closing.get(30, TimeUnit.SECONDS);
        meta.get(60, TimeUnit.SECONDS);
        assertThat(answers).hasSize(MESSAGES).allMatch(attempts -> attempts.endsWith("200"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE wamid LIKE ?", Long.class, run + "%"))
                .as("every message stored once").isEqualTo(MESSAGES);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT wamid) FROM messages WHERE wamid LIKE ?", Long.class,
                run + "%")).isEqualTo(MESSAGES);
    }

    /** Meta's way: what is not answered 200 (another status, a refused connection) is delivered again. */
    private static String deliverUntilAnswered200(byte[] body) {
        StringBuilder attempts = new StringBuilder();
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                int status = postSigned(balancer, body);
                attempts.append(status);
                if (status == 200) {
                    return attempts.toString();
                }
            } catch (Exception e) {
                attempts.append(e.getClass().getSimpleName()).append(' ');
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return attempts.toString();
    }

    /** The instances that answered so many readiness requests in a row through HAProxy, once each, sorted. */
    private static List<String> seenThroughBalancer(int requests) throws Exception {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            get(balancer + "/actuator/health/readiness").headers().firstValue("X-Balcao-Instance")
                    .ifPresent(instances::add);
        }
        return instances.stream().distinct().sorted().toList();
    }

    private static int readiness(String base) throws Exception {
        return get(base + "/actuator/health/readiness").statusCode();
    }

    private static HttpResponse<Void> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static Optional<String> haproxyProgram() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/sbin"))
                .map(folder -> Path.of(folder, "haproxy")).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
