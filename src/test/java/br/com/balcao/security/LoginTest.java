package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
@AutoConfigureMockMvc
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    String email;

    @BeforeEach
    void createAgent() {
        clock.set(TestClock.START);
        email = data.email("agent");
        long number = data.number("Loja Teste");
        data.member(data.user("AGENT", email), number);
    }

    @Test
    void theLoginPageIsPublicAndBranded() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"login-submit\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Balcão")));
    }

    @Test
    void theLoginPageSpeaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Password")));
        mvc.perform(get("/login"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Senha")));
    }

    @Test
    void pagesRedirectToLoginWhenNotSignedIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void rightPasswordSignsInAndRenewsTheSession() throws Exception {
        Cookie anonymousSession = mvc.perform(get("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(anonymousSession).isNotNull();

        MvcResult login = mvc.perform(post("/login").cookie(anonymousSession).with(csrf())
                        .param("username", email).param("password", TestData.PASSWORD))
                .andExpect(authenticated().withUsername(email))
                .andExpect(redirectedUrl("http://localhost/?continue"))
                .andReturn();

        Cookie signedInSession = login.getResponse().getCookie("SESSION");
        assertThat(signedInSession).isNotNull();
        assertThat(signedInSession.getValue()).isNotEqualTo(anonymousSession.getValue());
        mvc.perform(get("/").cookie(signedInSession)).andExpect(status().isOk());
        mvc.perform(get("/").cookie(anonymousSession)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf())
                        .param("username", email).param("password", TestData.PASSWORD))
                .andExpect(authenticated())
                .andReturn().getResponse().getCookie("SESSION");

        mvc.perform(post("/logout").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void emailIsNotCaseSensitive() throws Exception {
        mvc.perform(formLogin().user(email.toUpperCase()).password(TestData.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        mvc.perform(formLogin().user(email).password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("E-mail ou senha incorretos.")));
    }

    @Test
    void fiveFailuresWithinFiveMinutesLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(email).password("wrong-" + i)).andExpect(redirectedUrl("/login?error=bad"));
            clock.advance(Duration.ofSeconds(30));
        }
        mvc.perform(formLogin().user(email).password(TestData.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Muitas tentativas")));

        clock.advance(Duration.ofMinutes(6));
        mvc.perform(formLogin().user(email).password(TestData.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void failuresSpreadOverMoreThanFiveMinutesDoNotLock() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(email).password("wrong-" + i)).andExpect(unauthenticated());
            clock.advance(Duration.ofMinutes(2));
        }
        mvc.perform(formLogin().user(email).password(TestData.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void unknownAccountsAreThrottledAlike() throws Exception {
        String unknown = data.email("nobody");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(unknown).password("x")).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(formLogin().user(unknown).password("x")).andExpect(redirectedUrl("/login?error=locked"));
    }

    @Test
    void disabledUsersCannotSignIn(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) throws Exception {
        jdbc.update("UPDATE app_users SET enabled = false WHERE email = ?", email);
        mvc.perform(formLogin().user(email).password(TestData.PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=disabled"));
    }
}
