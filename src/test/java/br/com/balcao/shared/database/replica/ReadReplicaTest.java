package br.com.balcao.shared.database.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.shared.database.embedded.StreamingReplica;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.support.TestPostgres;
import jakarta.servlet.http.Cookie;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real streaming replica of the test server: which pages read it (a row written on the primary while the
 * replica's replay is paused is missing from them, and present on the pages that stay on the primary), a request
 * that wrote reading its own writes, the fallback to the primary when the replica stops or lags past the bound and
 * the way back, and the health endpoint's component. The probe runs when the test says (its schedule is an hour).
 */
@IntegrationTest
@DirtiesContext
@DisabledIf(value = "br.com.balcao.support.TestPostgres#dockerAvailable",
        disabledReason = "the replica is made of the embedded test server, not of a Testcontainers database")
class ReadReplicaTest {

    private static final Duration MAX_LAG = Duration.ofSeconds(2);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static StreamingReplica replica;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReplicaMonitor monitor;

    @Autowired
    ReplicaPool pool;

    @Autowired
    TransactionTemplate transactions;

    long number;
    UserDetails manager;
    UserDetails admin;
    String early;
    String late;

    @DynamicPropertySource
    static void replicaOfTheTestServer(DynamicPropertyRegistry registry) {
        var server = TestPostgres.server();
        replica = StreamingReplica.of(server.getPort(), "postgres", "", Path.of("target", "read-replica-test"));
        // The context's database is made before the replica's pool reads its URL (see ReplicaConfiguration).
        registry.add("spring.datasource.replica.url", () -> replica.jdbcUrl(TestPostgres.newestDatabase()));
        registry.add("spring.datasource.replica.username", () -> "postgres");
        registry.add("balcao.replica.max-lag", MAX_LAG::toString);
        registry.add("balcao.replica.probe-interval", () -> "1h");
    }

    @AfterAll
    static void removeReplica() {
        replica.close();
    }

    @BeforeEach
    void aNumberWithAContactOnBothServers() throws Exception {
        number = data.number("Loja " + TestData.unique());
        long managerId = data.user("MANAGER", data.email("manager"));
        data.member(managerId, number);
        jdbc.update("UPDATE memberships SET can_contacts = true WHERE user_id = ?", managerId);
        manager = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?",
                String.class, managerId));
        admin = users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?",
                String.class, data.user("ADMIN", data.email("admin"))));
        early = "Cedo" + TestData.unique();
        late = "Tarde" + TestData.unique();
        afterHours(data.contact(number, early), early);
        data.ticket(number, data.contact(number, early), "WAITING", null);
        replica.awaitCaughtUp(CATCH_UP);
        probedUntilReadsOnReplica();
    }

    @AfterEach
    void replicaRunningAndCaughtUp() {
        replica.start();
        replica.resumeReplay();
        replica.awaitCaughtUp(CATCH_UP);
    }

    @Test
    void theReplicaIsAStandbyAndTheAppsDataSourceStaysOnThePrimary() {
        assertThat(replica.jdbcUrl(TestPostgres.newestDatabase())).endsWith("/" + jdbc.queryForObject(
                "SELECT current_database()", String.class));
        assertThat(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)).isFalse();
        assertThat(ReplicaReads.call(() -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class))).isTrue();
        // Inside a transaction that may write, a mark is ignored: the transaction's writes need the primary.
        Boolean inRecovery = transactions.execute(status -> ReplicaReads.call(
                () -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)));
        assertThat(inRecovery).isFalse();
    }

    @Test
    void listsSearchesHistoryAndMonitoringReadTheReplicaWhileTheContactPageReadsThePrimary() throws Exception {
        replica.pauseReplay();
        long lateContact = data.contact(number, late);
        long lateTicket = data.ticket(number, lateContact, "WAITING", null);
        afterHours(lateContact, late);

        for (String page : new String[] {"/contacts", "/conversations?q=" + late.substring(0, 8), "/history",
                "/monitoring", "/after-hours"}) {
            assertThat(page(page)).as(page).doesNotContain(late);
        }
        assertThat(page("/contacts")).contains(early);
        assertThat(page("/history")).contains(early);
        assertThat(page("/monitoring")).contains(early);
        assertThat(page("/after-hours")).contains(early);
        mvc.perform(get("/history/{id}/pdf", lateTicket).with(user(manager))).andExpect(status().isNotFound());
        assertThat(page("/history/export.csv")).contains(early).doesNotContain(late);
        assertThat(page("/contacts/" + lateContact)).contains(late);

        replica.resumeReplay();
        replica.awaitCaughtUp(CATCH_UP);
        assertThat(page("/contacts")).contains(late);
        assertThat(page("/history")).contains(late);
        assertThat(page("/after-hours")).contains(late);
        mvc.perform(get("/history/{id}/pdf", lateTicket).with(user(manager))).andExpect(status().isOk());
    }

    @Test
    void aSessionThatWroteReadsItsOwnWritesFromThePrimary() throws Exception {
        long contact = data.contact(number, early + "x");
        replica.awaitCaughtUp(CATCH_UP);
        replica.pauseReplay();
        // The contact page's form makes the session, as signing in does.
        Cookie[] session = mvc.perform(get("/contacts/{id}", contact).with(user(manager))).andExpect(status().isOk())
                .andReturn().getResponse().getCookies();
        assertThat(session).isNotEmpty();
        mvc.perform(post("/contacts/{id}", contact).with(user(manager)).with(csrf()).cookie(session)
                        .param("name", late).param("phone", "+55 11 91234-" + String.format("%04d", TestData.unique() % 10000)))
                .andExpect(status().is3xxRedirection());

        assertThat(page(get("/contacts").cookie(session))).contains(late);
        assertThat(page(get("/contacts"))).contains(early + "x").doesNotContain(late);
    }

    @Test
    void aStoppedReplicaSendsTheReadsToThePrimaryUntilItIsBack() throws Exception {
        replica.stop();
        data.contact(number, late);
        // The pool's open connections died with the server: the next routed read needs a new one, which it is refused.
        pool.dataSource().getHikariPoolMXBean().softEvictConnections();

        assertThat(page("/contacts")).contains(late);
        assertThat(monitor.status().readsOn()).isEqualTo(ReplicaStatus.ReadsOn.PRIMARY);
        assertThat(monitor.status().reason()).startsWith("unreachable");
        monitor.probe();
        assertThat(monitor.status().reason()).startsWith("unreachable");
        assertThat(health()).contains("\"readsOn\":\"primary\"").contains("unreachable");
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

        replica.start();
        replica.awaitCaughtUp(CATCH_UP);
        probedUntilReadsOnReplica();
        assertThat(health()).contains("\"readsOn\":\"replica\"").contains("\"lag\":\"PT0S\"");
    }

    @Test
    void aReplicaLaggingPastTheBoundSendsTheReadsToThePrimaryUntilItCatchesUp() throws Exception {
        replica.pauseReplay();
        data.contact(number, late);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (monitor.status().servesReads() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            monitor.probe();
        }
        assertThat(monitor.status().readsOn()).isEqualTo(ReplicaStatus.ReadsOn.PRIMARY);
        assertThat(monitor.status().lag()).isGreaterThan(MAX_LAG);
        assertThat(monitor.status().reason()).startsWith("lag");
        assertThat(page("/contacts")).contains(late);
        assertThat(health()).contains("\"readsOn\":\"primary\"");

        replica.resumeReplay();
        replica.awaitCaughtUp(CATCH_UP);
        probedUntilReadsOnReplica();
        assertThat(monitor.status().lag()).isEqualTo(Duration.ZERO);
    }

    @Test
    void theHealthComponentsDetailsAreForAdminsOnly() throws Exception {
        assertThat(health()).contains("\"replica\"").contains("\"status\":\"UP\"").contains("\"maxLag\":\"PT2S\"");
        assertThat(mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("readsOn");
    }

    private void afterHours(long contact, String name) {
        jdbc.update("""
                INSERT INTO after_hours_contacts (number_id, contact_id, contact_name, phone, first_contact_at,
                                                  next_opening_at, return_requested)
                VALUES (?, ?, ?, '+5511900000000', ?, ?, 'YES')
                """, number, contact, name, Timestamp.from(TestClock.START.minusSeconds(60)),
                Timestamp.from(TestClock.START.plusSeconds(3600)));
    }

    private String health() throws Exception {
        return mvc.perform(get("/actuator/health").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String page(String path) throws Exception {
        return page(get(path));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(manager))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /**
     * Probes until the monitor sends reads to the replica again (30 s at most): a replica just restarted or caught up
     * may first refuse the pool's new connection within its one second, or have nothing received yet, on a busy machine.
     */
    private void probedUntilReadsOnReplica() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        monitor.probe();
        while (!monitor.status().servesReads() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            monitor.probe();
        }
        assertThat(monitor.status().readsOn()).as(monitor.status().reason()).isEqualTo(ReplicaStatus.ReadsOn.REPLICA);
    }
}
