package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.shared.database.embedded.EmbeddedPostgresServer;
import br.com.balcao.support.EmbeddedServerFolder;
import br.com.balcao.support.TestClockConfiguration;
import br.com.balcao.support.TestData;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The app on its own embedded PostgreSQL, as a small business runs it. The server is killed (SIGKILL) in the
 * middle of a burst of signed webhooks: the app starts it again, and every message answered 200 is stored, once.
 */
@SpringBootTest(properties = {
        "balcao.demo.auto-activate=false",
        "balcao.whatsapp.app-secret=" + EmbeddedServerCrashTest.SECRET,
        "balcao.whatsapp.outbound.enabled=false",
        "balcao.tickets.distribution-threads=0",
        "balcao.embedded-database.watchdog-interval=200ms",
        "spring.main.banner-mode=off"
})
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestData.class})
@DirtiesContext
class EmbeddedServerCrashTest {

    static final String SECRET = "crash-secret";
    private static final int SENDERS = 8;

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired EmbeddedPostgresServer server;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedServerFolder.register(registry, Files.createTempDirectory("balcao-crash"));
    }

    @Test
    void everyMessageAnswered200SurvivesAKilledServerExactlyOnce() throws Exception {
        long number = data.openNumber("Queda " + TestData.unique());
        String phoneNumberId = data.phoneNumberId(number);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            running.add(senders.submit(() -> {
                while (sending.get()) {
                    String wamid = "wamid.crash." + TestData.unique();
                    answers.put(wamid, post(textMessage(phoneNumberId, wamid, TestData.waId())));
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(answers, 200) >= 100);
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster.pid())).start().waitFor();
        long answeredBeforeTheKill = count(answers, 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> !postmaster.isAlive());
        await().atMost(Duration.ofSeconds(90)).until(() -> server.isRunning() && count(answers, 200) >= answeredBeforeTheKill + 100);
        sending.set(false);
        for (Future<?> sender : running) {
            sender.get();
        }
        senders.shutdown();

        List<String> acknowledged = answers.entrySet().stream().filter(answer -> answer.getValue() == 200)
                .map(Map.Entry::getKey).toList();
        Map<String, Long> stored = new ConcurrentHashMap<>();
        jdbc.query("SELECT wamid, count(*) FROM messages WHERE number_id = ? GROUP BY wamid",
                row -> { stored.put(row.getString(1), row.getLong(2)); }, number);
        assertThat(acknowledged).hasSizeGreaterThan(200);
        assertThat(acknowledged).allSatisfy(wamid -> assertThat(stored.get(wamid)).as(wamid).isEqualTo(1L));
        assertThat(stored.values()).allSatisfy(copies -> assertThat(copies).isEqualTo(1L));
        assertThat(answers.values()).allSatisfy(status -> assertThat(status).as("the answers while the server is away").isIn(200, 503));
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(server.dataDirectory().resolve("postmaster.pid")).get(0).trim());
    }

    private static long count(Map<String, Integer> answers, int status) {
        return answers.values().stream().filter(answer -> answer == status).count();
    }

    private int post(byte[] body) throws Exception {
        return mvc.perform(signedWebhookPost(body, SECRET)).andReturn().getResponse().getStatus();
    }
}
