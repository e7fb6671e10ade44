package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A user's live streams end with their session, whichever way it ends; a password change ends the user's other
 * sessions. Sessions are real ones (signed in through the login form, kept by Spring Session JDBC).
 */
@IntegrationTest
class SessionEndingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AccountDetailsService accounts;

    long number;
    String agent;
    long agentId;

    @BeforeEach
    void anAgentOnANumber() {
        number = data.number("Loja Sessões");
        agent = data.email("agent");
        agentId = data.user("AGENT", agent);
        data.member(agentId, number);
    }

    @Test
    void aDisabledUsersOpenStreamEndsAndOthersStayOpen() throws Exception {
        MvcResult agentsStream = openDeskStream(signIn(agent));
        String colleague = data.email("colleague");
        data.member(data.user("AGENT", colleague), number);
        MvcResult colleaguesStream = openDeskStream(signIn(colleague));

        mvc.perform(post("/settings/users/{id}/enabled", agentId).param("enabled", "false")
                        .with(user(anAdmin())).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(ended(agentsStream)).as("the disabled agent's stream").isTrue();
        assertThat(ended(colleaguesStream)).as("a colleague's stream").isFalse();
    }

    @Test
    void logoutEndsTheStreamsOfThatSessionOnly() throws Exception {
        Cookie laptop = signIn(agent);
        Cookie phone = signIn(agent);
        MvcResult laptopStream = openDeskStream(laptop);
        MvcResult phoneStream = openDeskStream(phone);

        mvc.perform(post("/logout").cookie(laptop).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(ended(laptopStream)).isTrue();
        assertThat(ended(phoneStream)).isFalse();
        mvc.perform(get("/").cookie(phone)).andExpect(status().isOk());
    }

    @Test
    void aSessionEndedElsewhereHasItsStreamsClosedByTheCheck(
            @Autowired FindByIndexNameSessionRepository<? extends Session> sessions,
            @Autowired SessionStreams streams) throws Exception {
        Cookie session = signIn(agent);
        MvcResult stream = openDeskStream(session);

        // what its expiry, or an admin on another instance, does: the session row goes, nobody here is told
        sessions.findByPrincipalName(agent).keySet().forEach(sessions::deleteById);
        assertThat(ended(stream)).isFalse();
        streams.closeStreamsOfEndedSessions();

        assertThat(ended(stream)).isTrue();
    }

    @Test
    void aPasswordChangedByAnAdminEndsEveryOneOfTheUsersSessionsAndStreams() throws Exception {
        Cookie laptop = signIn(agent);
        Cookie phone = signIn(agent);
        MvcResult stream = openDeskStream(laptop);

        changePassword(agentId, agent, "AGENT", "a-new-password", user(anAdmin()));

        mvc.perform(get("/").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(phone)).andExpect(redirectedUrl("/login"));
        assertThat(ended(stream)).isTrue();
    }

    @Test
    void aUserWhoChangesTheirOwnPasswordStaysSignedInWhereTheyDidItOnly() throws Exception {
        String admin = data.email("admin");
        long adminId = data.user("ADMIN", admin);
        Cookie here = signIn(admin);
        Cookie elsewhere = signIn(admin);
        MvcResult streamHere = openDeskStream(here);
        MvcResult streamElsewhere = openDeskStream(elsewhere);

        changePassword(adminId, admin, "ADMIN", "a-new-password", sent -> {
            sent.setCookies(here);
            return sent;
        });

        mvc.perform(get("/").cookie(here)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
        assertThat(ended(streamHere)).isFalse();
        assertThat(ended(streamElsewhere)).isTrue();
    }

    private void changePassword(long userId, String email, String role, String password,
                                RequestPostProcessor asWhom)
            throws Exception {
        mvc.perform(post("/settings/users/{id}", userId).with(asWhom).with(csrf()).param("name", "Test " + role)
                        .param("email", email).param("role", role).param("ticketSlots", "5").param("password", password))
                .andExpect(status().is3xxRedirection());
    }

    private Cookie signIn(String email) throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", email)
                        .param("password", TestData.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("session of %s", email).isNotNull();
        return session;
    }

    private MvcResult openDeskStream(Cookie session) throws Exception {
        return mvc.perform(get("/desk/events").cookie(session)).andExpect(request().asyncStarted()).andReturn();
    }

    private AccountDetails anAdmin() {
        String email = data.email("admin");
        data.user("ADMIN", email);
        return (AccountDetails) accounts.loadUserByUsername(email);
    }

    /** Whether the server has ended the stream (MockMvc holds its result once the emitter completes). */
    private static boolean ended(MvcResult stream) {
        try {
            stream.getAsyncResult(0);
            return true;
        } catch (IllegalStateException stillOpen) {
            return false;
        }
    }
}
