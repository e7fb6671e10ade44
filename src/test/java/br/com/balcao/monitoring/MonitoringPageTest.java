package br.com.balcao.monitoring;

import static br.com.balcao.monitoring.MonitoringRows.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.live.LiveEvent;
import br.com.balcao.live.LiveEvents;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The page through MockMvc: who may open it, what it shows for one number and for all, in both languages,
 * and the live stream. The periodic refresh is pushed out of the way, so that only a change can make the
 * stream speak.
 */
@IntegrationTest
class MonitoringPageTest {

    private static final String ZONE = "America/Sao_Paulo";
    private static final Instant NOW = at("2026-11-16T14:00", ZONE);

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
    InboundPipeline pipeline;

    @Autowired
    LiveEvents live;

    MonitoringRows rows;
    long first;
    long second;
    long agent;
    long manager;
    long waitingOnFirst;
    long waitingOnSecond;

    @BeforeEach
    void twoNumbersWithAManagerOfBoth() {
        clock.set(NOW);
        rows = new MonitoringRows(jdbc, data);
        first = rows.number("A Centro", ZONE);
        second = rows.number("B Bairro", ZONE);
        agent = rows.agent(first, "Ana", "OFFLINE", at("2026-11-16T08:00", ZONE), 5);
        manager = data.user("MANAGER", data.email("manager"));
        data.member(manager, first);
        data.member(manager, second);
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", manager);

        // Waiting 1 h 05 min on the first number; answered after 3 min 20 s and in service on the second.
        waitingOnFirst = rows.ticket(first, at("2026-11-16T12:55", ZONE)).save().id();
        long secondAgent = rows.agent(second, "Bia", "OFFLINE", at("2026-11-16T08:00", ZONE), 5);
        rows.ticket(second, at("2026-11-16T13:00", ZONE)).assigned(secondAgent, at("2026-11-16T13:00", ZONE))
                .answered(at("2026-11-16T13:03:20", ZONE)).save();
        waitingOnSecond = rows.ticket(second, at("2026-11-16T13:50", ZONE)).save().id();
    }

    @AfterEach
    void clockBackToStart() {
        clock.set(TestClock.START);
    }

    @Test
    void agentsMayNotOpenMonitoring() throws Exception {
        UserDetails ana = userOf(agent);
        mvc.perform(get("/monitoring").with(user(ana))).andExpect(status().isForbidden());
        mvc.perform(get("/monitoring/panel").param("number", "all").with(user(ana))).andExpect(status().isForbidden());
        mvc.perform(get("/monitoring/events").param("number", "all").with(user(ana))).andExpect(status().isForbidden());
    }

    @Test
    void aManagerSeesOneNumberOrAllOfTheirs() throws Exception {
        String one = page("/monitoring?number=" + first);
        assertThat(metric(one, "waiting")).isEqualTo("1");
        assertThat(metric(one, "longest-waiting")).isEqualTo("1 h 05 min");
        assertThat(metric(one, "average-first")).isEqualTo("—");
        assertThat(one).contains("data-ticket-id=\"" + waitingOnFirst + "\"")
                .doesNotContain("data-ticket-id=\"" + waitingOnSecond + "\"");

        String all = page("/monitoring?number=all");
        assertThat(metric(all, "waiting")).isEqualTo("2");
        assertThat(metric(all, "in-service")).isEqualTo("1");
        assertThat(metric(all, "average-first")).isEqualTo("3 min 20 s");
        assertThat(metric(all, "total")).isEqualTo("3");
        assertThat(all).contains("data-ticket-id=\"" + waitingOnFirst + "\"", "data-ticket-id=\"" + waitingOnSecond + "\"",
                "Todos os números", "Calculado às", "14:00:00");

        String english = page("/monitoring/panel?number=all&lang=en");
        assertThat(english).contains("Computed at", "Average time to first response", "Tickets per hour today")
                .doesNotContain("<html");
    }

    @Test
    void aNumberTheManagerDoesNotBelongToIsNotFoundAndAGarbledFilterIsABadRequest() throws Exception {
        long foreign = rows.number("C Outra", ZONE);
        UserDetails boss = userOf(manager);
        mvc.perform(get("/monitoring").param("number", String.valueOf(foreign)).with(user(boss)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/monitoring").param("number", "primeiro").with(user(boss)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theStreamAsksForARefreshWhenACustomerWritesToAWatchedNumber() throws Exception {
        MvcResult stream = mvc.perform(get("/monitoring/events").param("number", String.valueOf(first))
                        .with(user(userOf(manager))))
                .andExpect(request().asyncStarted()).andReturn();
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable afterTheStream = live.subscribe(heard::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> content(stream).contains("event:ready"));

            // A customer of the other number: the stream (subscribed before this test's listener) hears it first.
            pipeline.receive(second, InboundMessage.text("wamid.mon" + TestData.unique(), TestData.waId(), "Rui",
                    clock.instant(), "Oi"));
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream().anyMatch(e -> e.numberId() == second));
            assertThat(content(stream)).doesNotContain("event:refresh");

            pipeline.receive(first, InboundMessage.text("wamid.mon" + TestData.unique(), TestData.waId(), "Lia",
                    clock.instant(), "Bom dia"));
            await().atMost(Duration.ofSeconds(10)).until(() -> content(stream).contains("event:refresh"));
        }

        // What the page then fetches shows the new ticket in the queue.
        assertThat(metric(page("/monitoring/panel?number=" + first), "waiting")).isEqualTo("2");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(userOf(manager))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String content(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private static String metric(String page, String name) {
        var matcher = java.util.regex.Pattern.compile("data-live=\"" + name + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(matcher.find()).as("metric %s on the page", name).isTrue();
        return matcher.group(1).trim();
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
