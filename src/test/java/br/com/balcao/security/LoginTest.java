package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Signing in, and the throttle on guessing: per e-mail and client address, per address across e-mails, a known
 * device judged by its own failures. Every test uses addresses of its own (MockMvc's default, 127.0.0.1, is
 * everybody's), so no test's failures count against another's.
 */
@IntegrationTest
class LoginTest {

    private static final String WRONG = "not-the-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

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
                .andExpect(content().string(containsString("id=\"login-submit\"")))
                .andExpect(content().string(containsString("Balcão")));
    }

    @Test
    void theLoginPageSpeaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Password")));
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("Senha")));
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
        attempt(email, WRONG, address())
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/login").param("error", "bad"))
                .andExpect(content().string(containsString("E-mail ou senha incorretos.")));
    }

    @Test
    void afterFiveFailuresTheNextAttemptFromThatAddressWaitsEvenWithTheRightPassword() throws Exception {
        String address = address();
        failFiveTimes(email, address);

        attempt(email, TestData.PASSWORD, address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=locked&retry=30"));
        mvc.perform(get("/login").param("error", "locked").param("retry", "30"))
                .andExpect(content().string(containsString("Tente de novo em 30 segundos.")));
        mvc.perform(get("/login").param("error", "locked").param("retry", "30").param("lang", "en"))
                .andExpect(content().string(containsString("Try again in 30 seconds.")));

        clock.advance(Duration.ofSeconds(29));
        attempt(email, TestData.PASSWORD, address).andExpect(redirectedUrl("/login?error=locked&retry=1"));
        clock.advance(Duration.ofSeconds(1));
        attempt(email, TestData.PASSWORD, address).andExpect(authenticated());
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureUpToFifteenMinutes() throws Exception {
        String address = address();
        failFiveTimes(email, address);

        for (long seconds : new long[] {30, 60, 120, 240, 480, 900, 900}) {
            attempt(email, WRONG, address).andExpect(redirectedUrl("/login?error=locked&retry=" + seconds));
            clock.advance(Duration.ofSeconds(seconds));
            attempt(email, WRONG, address).andExpect(redirectedUrl("/login?error=bad"));
        }
        mvc.perform(get("/login").param("error", "locked").param("retry", "900"))
                .andExpect(content().string(containsString("Tente de novo em 15 minutos.")));
    }

    @Test
    void someoneFailingForTheAdminsEmailKeepsTheAdminOutNeitherFromAnotherAddressNorFromAKnownDevice()
            throws Exception {
        String admin = data.email("admin");
        data.user("ADMIN", admin);
        String office = address();
        Cookie adminsBrowser = deviceCookieOf(attempt(admin, TestData.PASSWORD, office).andExpect(authenticated()));

        failFiveTimes(admin, office);
        attempt(admin, WRONG, office).andExpect(redirectedUrl("/login?error=locked&retry=30"));

        attempt(admin, TestData.PASSWORD, address()).andExpect(authenticated());
        attempt(admin, TestData.PASSWORD, office, adminsBrowser).andExpect(authenticated());
    }

    @Test
    void aKnownDeviceIsStillThrottledByItsOwnFailuresAndAForgedOneIsNotKnown() throws Exception {
        String address = address();
        Cookie device = deviceCookieOf(attempt(email, TestData.PASSWORD, address).andExpect(authenticated()));

        for (int i = 0; i < 5; i++) {
            attempt(email, WRONG, address, device).andExpect(redirectedUrl("/login?error=bad"));
        }
        attempt(email, TestData.PASSWORD, address, device).andExpect(redirectedUrl("/login?error=locked&retry=30"));

        // another account's device cookie, its e-mail swapped for this one's: the signature no longer matches
        String other = data.email("other");
        data.user("AGENT", other);
        Cookie othersDevice = deviceCookieOf(attempt(other, TestData.PASSWORD, address()).andExpect(authenticated()));
        String[] parts = othersDevice.getValue().split("\\.");
        parts[0] = Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
        Cookie forged = new Cookie(DeviceCookies.NAME, String.join(".", parts));
        String elsewhere = address();
        failFiveTimes(email, elsewhere);
        attempt(email, TestData.PASSWORD, elsewhere, forged).andExpect(redirectedUrl("/login?error=locked&retry=30"));
    }

    @Test
    void failuresFromOneAddressAcrossManyAccountsAreDelayed() throws Exception {
        String guesser = address();
        Cookie agentsBrowser = deviceCookieOf(attempt(email, TestData.PASSWORD, address()).andExpect(authenticated()));
        for (int i = 0; i < 20; i++) {
            attempt(data.email("sprayed"), WRONG, guesser).andExpect(redirectedUrl("/login?error=bad"));
        }

        attempt(data.email("sprayed"), WRONG, guesser).andExpect(redirectedUrl("/login?error=locked&retry=30"));
        attempt(email, TestData.PASSWORD, guesser).andExpect(redirectedUrl("/login?error=locked&retry=30"));
        // a browser that signed in to the account before is judged by its own failures, not the address's
        attempt(email, TestData.PASSWORD, guesser, agentsBrowser).andExpect(authenticated());
        attempt(email, TestData.PASSWORD, address()).andExpect(authenticated());
    }

    @Test
    void concurrentAttemptsEachUseUpAnAllowance() throws Exception {
        String address = address();
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(() -> attempt(email, WRONG, address).andReturn().getResponse().getRedirectedUrl());
        }
        List<String> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<String> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).filteredOn("/login?error=bad"::equals).hasSize(5);
        assertThat(answers).filteredOn(url -> url.startsWith("/login?error=locked")).hasSize(7);
    }

    @Test
    void unknownAccountsAreThrottledAlike() throws Exception {
        String unknown = data.email("nobody");
        String address = address();
        failFiveTimes(unknown, address);
        attempt(unknown, WRONG, address).andExpect(redirectedUrl("/login?error=locked&retry=30"));
    }

    @Test
    void aKeyWithNoFailureForADayStartsAgainAndLeavesTheTable(@Autowired LoginThrottle throttle) throws Exception {
        String address = address();
        failFiveTimes(email, address);

        clock.advance(Duration.ofHours(24));
        throttle.forgetIdleKeys();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_throttle WHERE throttle_key LIKE ?", Integer.class,
                "%" + address)).isZero();
        failFiveTimes(email, address);
    }

    @Test
    void aDisabledAccountSaysSoOnlyToTheRightPassword() throws Exception {
        jdbc.update("UPDATE app_users SET enabled = false WHERE email = ?", email);

        attempt(email, WRONG, address())
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=bad"));
        attempt(email, TestData.PASSWORD, address())
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(get("/login").param("error", "disabled"))
                .andExpect(content().string(containsString("Este usuário está desativado.")));
    }

    /** Five wrong passwords a few seconds apart; the last one just now. */
    private void failFiveTimes(String account, String address) throws Exception {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(5));
            attempt(account, WRONG + i, address).andExpect(redirectedUrl("/login?error=bad"));
        }
    }

    private ResultActions attempt(String account, String password, String address, Cookie... cookies)
            throws Exception {
        var request = post("/login").with(csrf()).param("username", account).param("password", password)
                .with(sent -> {
                    sent.setRemoteAddr(address);
                    return sent;
                });
        return mvc.perform(cookies.length == 0 ? request : request.cookie(cookies));
    }

    private static Cookie deviceCookieOf(ResultActions signedIn) {
        Cookie cookie = signedIn.andReturn().getResponse().getCookie(DeviceCookies.NAME);
        assertThat(cookie).as("device cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        return new Cookie(cookie.getName(), cookie.getValue());
    }

    /** An address (of the range kept for benchmarks, 198.18.0.0/15) that no other test uses. */
    private static String address() {
        long n = TestData.unique();
        return "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
