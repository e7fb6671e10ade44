package br.com.balcao.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue in the Desk's list: the agent sees their capacity across all their numbers and why nothing
 * arrives, opens the queue, and takes the oldest ticket or a chosen one. The agents are on a break, so that
 * the distribution sweep leaves the queue alone.
 */
@IntegrationTest
class DeskQueueTest {

    private static final Pattern QUEUED = Pattern.compile("data-queued-ticket-id=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long online;
    long centre;

    @BeforeEach
    void twoNumbers() {
        clock.set(TestClock.START);
        online = quietNumber("A Loja Online " + TestData.unique());
        centre = quietNumber("B Loja Centro " + TestData.unique());
    }

    @Test
    void aFullAgentSeesTheirCapacityAcrossNumbersAndWhyNothingArrives() throws Exception {
        long ana = data.agent(online, "ONLINE");
        data.member(ana, centre);
        active(centre, ana, 3);
        active(online, ana, 2);
        waiting(online, 30);

        String page = page(get("/desk"), ana, select(online, ana));

        assertThat(page).contains("id=\"agent-capacity\"").contains(">5/5<");
        assertThat(page).contains("Você está no seu limite: 5 de 5 tickets em atendimento, contando todos os seus números");
        assertThat(page).contains("1 na fila").contains("3 tickets seus estão em outros números");
    }

    @Test
    void anAgentOnBreakIsToldThatNothingArrivesAndTheHeaderBadgeCanBeFetchedAgain() throws Exception {
        long agent = data.agent(online, "BREAK");
        active(online, agent, 2);
        Cookie session = select(online, agent);

        assertThat(page(get("/desk/list"), agent, session)).contains("Você está em pausa");
        assertThat(page(get("/desk/capacity"), agent, session)).contains("id=\"agent-capacity\"").contains(">2/5<")
                .contains("hx-get=\"/desk/capacity\"");
    }

    @Test
    void theOpenQueueListsTheWaitingTicketsOldestFirst() throws Exception {
        long agent = data.agent(online, "BREAK");
        long newer = waiting(online, 5);
        long oldest = waiting(online, 50);
        long otherNumber = waiting(centre, 90);
        Cookie session = select(online, agent);

        mvc.perform(post("/desk/queue/toggle").param("open", "true").param("returnTo", "/desk")
                        .cookie(session).with(user(userOf(agent))).with(csrf()))
                .andExpect(redirectedUrl("/desk"));
        String page = page(get("/desk"), agent, session);

        assertThat(QUEUED.matcher(page).results().map(match -> Long.parseLong(match.group(1))).toList())
                .containsExactly(oldest, newer).doesNotContain(otherNumber);
        assertThat(page).contains("id=\"take-next\"");
    }

    @Test
    void takingTheNextOpensTheOldestTicket() throws Exception {
        long agent = data.agent(online, "BREAK");
        waiting(online, 5);
        long oldest = waiting(online, 50);

        mvc.perform(post("/desk/queue/next").param("numberId", String.valueOf(online))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(redirectedUrl("/desk/tickets/" + oldest));

        assertThat(agentOf(oldest)).isEqualTo(agent);
    }

    @Test
    void withoutANumberTheNextIsTheOldestOfAllTheAgentsNumbers() throws Exception {
        long agent = data.agent(online, "BREAK");
        data.member(agent, centre);
        waiting(online, 5);
        long oldest = waiting(centre, 50);

        mvc.perform(post("/desk/queue/next").with(user(userOf(agent))).with(csrf()))
                .andExpect(redirectedUrl("/desk/tickets/" + oldest));
    }

    @Test
    void takingAChosenTicketOpensIt() throws Exception {
        long agent = data.agent(online, "BREAK");
        waiting(online, 50);
        long chosen = waiting(online, 5);

        mvc.perform(post("/desk/queue/{id}/take", chosen).with(user(userOf(agent))).with(csrf()))
                .andExpect(redirectedUrl("/desk/tickets/" + chosen));

        assertThat(agentOf(chosen)).isEqualTo(agent);
    }

    @Test
    void aFullAgentIsRefusedInPlainWords() throws Exception {
        long agent = data.agent(online, "ONLINE");
        data.member(agent, centre);
        active(centre, agent, 5);
        long ticket = waiting(online, 5);

        Cookie session = select(online, agent);
        mvc.perform(post("/desk/queue/{id}/take", ticket).cookie(session).with(user(userOf(agent))).with(csrf()))
                .andExpect(redirectedUrl("/desk")).andExpect(flash().attribute("queueRefusal", "full"));
        String page = page(get("/desk"), agent, session);

        assertThat(page).contains("Você já está no seu limite (5/5 tickets). Encerre ou transfira um ticket antes de pegar outro.");
        assertThat(agentOf(ticket)).isNull();
    }

    @Test
    void anotherNumbersTicketIsNotFound() throws Exception {
        long agent = data.agent(online, "BREAK");
        long elsewhere = quietNumber("C Outra " + TestData.unique());
        long ticket = waiting(elsewhere, 5);

        mvc.perform(post("/desk/queue/{id}/take", ticket).with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/desk/queue/next").param("numberId", String.valueOf(elsewhere))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(agentOf(ticket)).isNull();
    }

    @Test
    void aMemberWithoutReplyIsForbidden() throws Exception {
        long watcher = data.agent(online, "BREAK");
        jdbc.update("UPDATE memberships SET can_reply = false WHERE user_id = ?", watcher);
        long ticket = waiting(online, 5);

        mvc.perform(post("/desk/queue/{id}/take", ticket).with(user(userOf(watcher))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/queue/next").param("numberId", String.valueOf(online))
                        .with(user(userOf(watcher))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/queue/next").with(user(userOf(watcher))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(agentOf(ticket)).isNull();
    }

    private Cookie select(long numberId, long agent) throws Exception {
        return mvc.perform(post("/numbers/select").param("numberId", String.valueOf(numberId))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, long agent,
                        Cookie session) throws Exception {
        return mvc.perform(request.cookie(session).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long waiting(long numberId, int minutesAgo) {
        long ticket = data.ticket(numberId, data.contact(numberId, "Na fila " + TestData.unique()), "WAITING", null);
        jdbc.update("UPDATE tickets SET created_at = ? WHERE id = ?",
                Timestamp.from(TestClock.START.minus(Duration.ofMinutes(minutesAgo))), ticket);
        return ticket;
    }

    private void active(long numberId, long agent, int count) {
        for (int i = 0; i < count; i++) {
            data.ticket(numberId, data.contact(numberId, "Ativo " + TestData.unique()), "OPEN", agent);
        }
    }

    private Long agentOf(long ticket) {
        return jdbc.queryForObject("SELECT agent_id FROM tickets WHERE id = ?", Long.class, ticket);
    }

    private long quietNumber(String name) {
        long id = data.openNumber(name);
        jdbc.update("""
                UPDATE business_numbers SET customer_inactivity_minutes = 5256000, queue_timeout_minutes = 5256000
                 WHERE id = ?
                """, id);
        return id;
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }
}
