package br.com.balcao.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Pattern;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WorkspaceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    long north;
    long south;
    long foreign;
    UserDetails agent;
    long agentId;

    @BeforeEach
    void numbersAndAnAgentOnTwoOfThem() {
        north = data.number("Norte " + TestData.unique());
        south = data.number("Sul " + TestData.unique());
        foreign = data.number("Estrangeiro " + TestData.unique());
        String email = data.email("agent");
        agentId = data.user("AGENT", email);
        data.member(agentId, north);
        data.member(agentId, south);
        agent = users.loadUserByUsername(email);
    }

    @Test
    void homeShowsOnlyTheAgentsNumbersWithTheirQueueCounts() throws Exception {
        long contact = data.contact(north, "Maria Conceição");
        data.ticket(north, contact, "WAITING", null);
        data.ticket(north, data.contact(north, "José"), "OPEN", agentId);

        String page = mvc.perform(get("/").with(user(agent)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(name(north), name(south)).doesNotContain(name(foreign));
        assertThat(page).contains("id=\"number-selector\"");
    }

    @Test
    void anHtmxFragmentIsRenderedWithoutTheHeadersQueries() throws Exception {
        mvc.perform(get("/desk/list").header("HX-Request", "true").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("visibleNumbers", "agentStatus", "menuEntries"));
        mvc.perform(get("/desk").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(model().attributeExists("visibleNumbers", "agentStatus", "menuEntries"));
    }

    @Test
    void theHomePageAnswersAnHtmxRequestToo() throws Exception {
        String page = mvc.perform(get("/").header("HX-Request", "true").with(user(agent)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(name(north));
    }

    @Test
    void theChosenNumberIsKeptInTheSession() throws Exception {
        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(south))
                        .param("returnTo", "/").with(user(agent)).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");

        String page = mvc.perform(get("/").cookie(session).with(user(agent))).andReturn().getResponse()
                .getContentAsString();
        assertThat(selectedOptions(page)).contains(String.valueOf(south)).doesNotContain(String.valueOf(north));
    }

    @Test
    void handlersReceiveTheChosenNumberAndOneThatNeedsANumberIsNotFoundForAUserWithout() throws Exception {
        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(south))
                        .with(user(agent)).with(csrf()))
                .andReturn().getResponse().getCookie("SESSION");
        Object number = mvc.perform(get("/history").cookie(session).with(user(agent)))
                .andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("number");
        assertThat(number).isInstanceOfSatisfying(NumberView.class, chosen -> assertThat(chosen.id()).isEqualTo(south));

        String email = data.email("nobody");
        data.user("AGENT", email);
        UserDetails withoutNumbers = users.loadUserByUsername(email);
        mvc.perform(get("/history").with(user(withoutNumbers)))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("number"));
        mvc.perform(get("/after-hours").with(user(withoutNumbers))).andExpect(status().isNotFound());
    }

    @Test
    void choosingANumberTheUserMayNotSeeIsNotFoundAndChangesNothing() throws Exception {
        Cookie session = mvc.perform(post("/numbers/select").param("numberId", String.valueOf(south))
                        .with(user(agent)).with(csrf()))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(post("/numbers/select").param("numberId", String.valueOf(foreign))
                        .cookie(session).with(user(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/numbers/select").param("numberId", "999999999")
                        .cookie(session).with(user(agent)).with(csrf()))
                .andExpect(status().isNotFound());

        String page = mvc.perform(get("/").cookie(session).with(user(agent))).andReturn().getResponse()
                .getContentAsString();
        assertThat(selectedOptions(page)).contains(String.valueOf(south));
        assertThat(page).doesNotContain(name(foreign));
    }

    @Test
    void returnToNeverLeavesTheApp() throws Exception {
        mvc.perform(post("/numbers/select").param("numberId", String.valueOf(north))
                        .param("returnTo", "//evil.example/x").with(user(agent)).with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    /** The header's two forms send the page they were on back; braces in it are text, never a URI template. */
    @ParameterizedTest
    @CsvSource({"/{x}, /{x}", "/desk?q={x}, /desk?q={x}", "/%7Bx%7D, /%7Bx%7D", "//evil.example, /",
            "/\\evil, /", "https://evil.example, /"})
    void returnToIsTheLiteralLocalPathOrHome(String returnTo, String redirect) throws Exception {
        mvc.perform(post("/numbers/select").param("numberId", String.valueOf(north))
                        .param("returnTo", returnTo).with(user(agent)).with(csrf()))
                .andExpect(redirectedUrl(redirect));
        mvc.perform(post("/me/status").param("status", "ONLINE")
                        .param("returnTo", returnTo).with(user(agent)).with(csrf()))
                .andExpect(redirectedUrl(redirect));
    }

    @Test
    void adminsSeeEveryNumber() throws Exception {
        String email = data.email("admin");
        data.user("ADMIN", email);
        mvc.perform(get("/").with(user(users.loadUserByUsername(email))))
                .andExpect(content().string(containsString(name(foreign))));
    }

    @Test
    void theStatusSwitchIsPersistedAndRecorded() throws Exception {
        mvc.perform(post("/me/status").param("status", "ONLINE").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/me/status").param("status", "BREAK").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("SELECT status FROM app_users WHERE id = ?", String.class, agentId))
                .isEqualTo("BREAK");
        assertThat(jdbc.queryForList("SELECT status FROM agent_status_changes WHERE user_id = ? ORDER BY id",
                String.class, agentId)).containsExactly("ONLINE", "BREAK");
        String page = mvc.perform(get("/").with(user(agent))).andReturn().getResponse().getContentAsString();
        assertThat(selectedOptions(page)).contains("BREAK").doesNotContain("ONLINE");
    }

    @Test
    void anUnknownStatusIsABadRequestAndChangesNothing() throws Exception {
        mvc.perform(post("/me/status").param("status", "<script>").with(user(agent)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT status FROM app_users WHERE id = ?", String.class, agentId))
                .isEqualTo("OFFLINE");
    }

    @Test
    void anUnknownPageIsNotFound() throws Exception {
        mvc.perform(get("/no-such-page").with(user(agent))).andExpect(status().isNotFound());
    }

    @Test
    void theMenuListsNoPageThatDoesNotExist() throws Exception {
        mvc.perform(get("/").with(user(agent)))
                .andExpect(content().string(not(containsString("href=\"/monitoring\""))));
    }

    /** The values of the options rendered as selected, whatever white space the template puts between. */
    private static List<String> selectedOptions(String page) {
        return Pattern.compile("<option value=\"([^\"]+)\"\\s+selected=\"selected\"").matcher(page).results()
                .map(match -> match.group(1)).toList();
    }

    private String name(long numberId) {
        return jdbc.queryForObject("SELECT name FROM business_numbers WHERE id = ?", String.class, numberId);
    }
}
