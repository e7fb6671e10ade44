package br.com.balcao.reports;

import static br.com.balcao.monitoring.MonitoringRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.monitoring.MonitoringRows;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An admin rebuilds the roll-ups of older days: in the background, audited, one at a time, bad ranges refused. */
@IntegrationTest
class RollupRebuildTest {

    private static final String ZONE = "America/Sao_Paulo";
    /** Far behind the hourly job's week of catch-up. */
    private static final LocalDate OLD_DAY = LocalDate.parse("2026-09-01");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestClock clock;

    @Autowired
    LockProvider locks;

    @Autowired
    ReportQueries queries;

    long number;
    UserDetails admin;

    @BeforeEach
    void aNumberWithAnOldTicket() {
        clock.set(at("2026-11-18T15:00", ZONE));
        MonitoringRows rows = new MonitoringRows(jdbc, data);
        number = rows.number("A Centro", ZONE);
        rows.ticket(number, at("2026-09-01T10:00", ZONE)).closed("LOST", at("2026-09-01T10:30", ZONE)).save();
        rows.ticket(number, at("2026-09-02T23:30", ZONE)).save();
        admin = userOf(data.user("ADMIN", data.email("admin")));
    }

    @AfterEach
    void clockBackToStart() {
        clock.set(TestClock.START);
    }

    @Test
    void anAdminRebuildsOlderDaysInTheBackgroundAndItIsAudited() throws Exception {
        assertThat(page(get("/reports").param("number", String.valueOf(number))))
                .contains("href=\"/reports/rollups?number=" + number + "\"");
        assertThat(page(get("/reports/rollups").param("number", String.valueOf(number))))
                .contains("Recalcular os totais diários", "id=\"rebuild-form\"");

        mvc.perform(rebuild("2026-09-01", "2026-09-10"))
                .andExpect(redirectedUrl("/reports/rollups?number=" + number))
                .andExpect(flash().attribute("startedFrom", OLD_DAY))
                .andExpect(flash().attribute("startedTo", LocalDate.parse("2026-09-10")));

        await().atMost(Duration.ofSeconds(20)).until(() -> rolledDays().size() == 10);
        assertThat(rolledDays()).startsWith(OLD_DAY, OLD_DAY.plusDays(1)).endsWith(LocalDate.parse("2026-09-10"));
        assertThat(jdbc.queryForObject("""
                SELECT sum(created) || '/' || sum(lost) FROM report_counts WHERE number_id = ? AND day <= '2026-09-02'
                """, String.class, number)).isEqualTo("2/1");
        assertThat(queries.report(List.of(number), new ReportPeriod(OLD_DAY, OLD_DAY.plusDays(9), Grouping.DAY))
                .total().counts().created()).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT subject || ' ' || new_value::text FROM audit_log WHERE action = 'reports.rebuilt'
                 ORDER BY id DESC LIMIT 1""", String.class))
                .contains("2026-09-01 – 2026-09-10", "A Centro");
        assertThat(page(get("/settings/audit"))).contains("Totais dos relatórios recalculados");
    }

    @Test
    void oneRebuildAtATimeAcrossInstances() throws Exception {
        // Another instance (or the hourly job) holds the lock.
        SimpleLock held = locks.lock(new LockConfiguration(Instant.now(), RollupRebuilds.LOCK, Duration.ofMinutes(5),
                Duration.ZERO)).orElseThrow();
        try {
            assertThat(refused(rebuild("2026-09-01", "2026-09-02")))
                    .contains("Um recálculo (ou o recálculo de toda hora) já está rodando.");
            assertThat(rolledDays()).isEmpty();
        } finally {
            held.unlock();
        }
    }

    @Test
    void badRangesAreRefusedWithTheirReason() throws Exception {
        assertThat(refused(rebuild("2026-09-10", "2026-09-01"))).contains("A data inicial vem depois da data final.");
        assertThat(refused(rebuild("2025-09-01", "2026-09-10"))).contains("O período pode ter no máximo 366 dias.");
        assertThat(refused(rebuild("2026-11-01", "2026-11-19"))).contains("A data final não pode ser depois de hoje.");
        assertThat(refused(rebuild("2026-11-01", ""))).contains("Escolha as duas datas do período.");
        assertThat(refused(rebuild("2026-13-45", "2026-11-01"))).contains("A data inicial não é uma data válida.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'reports.rebuilt'", Long.class))
                .isZero();
        mvc.perform(get("/reports/rollups").with(user(userOf(data.user("MANAGER", data.email("manager"))))))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder rebuild(String from, String to) {
        return post("/reports/rollups").param("number", String.valueOf(number)).param("from", from).param("to", to)
                .with(user(admin)).with(csrf());
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(admin))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<LocalDate> rolledDays() {
        return jdbc.queryForList("SELECT day FROM report_rolled_days WHERE number_id = ? ORDER BY day", LocalDate.class,
                number);
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
