package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import br.com.balcao.live.LiveEvent;
import br.com.balcao.live.LiveEvents;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import br.com.balcao.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The database goes away in the middle of inbound traffic and comes back. While it is away, webhooks are
 * answered with a server error (Meta keeps them and delivers them again); when it is back, every message
 * Meta delivers again is stored exactly once, live events flow again, and nothing needed a restart.
 */
@IntegrationTest
class DatabaseOutageTest {

    static final String SECRET = IntegrationTest.WEBHOOK_SECRET;

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired LiveEvents live;

    @Test
    void webhooksFailWhileTheDatabaseIsAwayAndEveryRedeliveredMessageIsStoredOnceAfterwards() throws Exception {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        assumeTrue(url.contains(":" + TestPostgres.server().getPort() + "/"),
                "the outage is staged on the embedded server; this context's database is elsewhere");
        long number = data.openNumber("Queda " + TestData.unique());
        String phoneNumberId = data.phoneNumberId(number);
        String database = databaseName();
        Map<String, Integer> firstAnswers = new LinkedHashMap<>();

        for (int i = 0; i < 5; i++) {
            String wamid = "wamid.before." + TestData.unique();
            firstAnswers.put(wamid, post(message(phoneNumberId, wamid)));
        }
        try {
            cutOff(database);
            for (int i = 0; i < 5; i++) {
                String wamid = "wamid.during." + TestData.unique();
                firstAnswers.put(wamid, post(message(phoneNumberId, wamid)));
            }
        } finally {
            restore(database);
        }

        firstAnswers.forEach((wamid, status) -> {
            if (wamid.startsWith("wamid.before.")) {
                assertThat(status).as(wamid).isEqualTo(200);
            } else {
                assertThat(status).as(wamid + " while the database is away").isBetween(500, 599);
            }
        });

        // Meta delivers again whatever was not answered 200, and, being at-least-once, some of the rest too.
        List<String> redeliveries = new ArrayList<>(firstAnswers.keySet());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (String wamid : redeliveries) {
                if (post(message(phoneNumberId, wamid)) != 200) {
                    return false;
                }
            }
            return true;
        });

        for (String wamid : firstAnswers.keySet()) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ? AND wamid = ?",
                    Long.class, number, wamid)).as(wamid).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM messages WHERE number_id = ? AND direction = 'INBOUND' AND ticket_id IS NULL
                """, Long.class, number)).isZero();
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
        liveEventsFlowAgain(number, phoneNumberId);
    }

    private void liveEventsFlowAgain(long number, String phoneNumberId) throws Exception {
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(event -> {
            if (event.numberId() == number) {
                heard.add(event);
            }
        })) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(post(message(phoneNumberId, "wamid.after." + TestData.unique()))).isEqualTo(200);
                return !heard.isEmpty();
            });
        }
    }

    private int post(byte[] body) throws Exception {
        return mvc.perform(signedWebhookPost(body, SECRET)).andReturn().getResponse().getStatus();
    }

    private static byte[] message(String phoneNumberId, String wamid) {
        return textMessage(phoneNumberId, wamid, TestData.waId());
    }

    private String databaseName() {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** As if the database server went away for this app: no new connections, the open ones broken. */
    private static void cutOff(String database) throws SQLException {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    private static void restore(String database) throws SQLException {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
