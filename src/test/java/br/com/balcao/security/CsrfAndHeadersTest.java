package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.balcao.security.AccessFixtures.Role;
import br.com.balcao.security.AccessFixtures.World;
import br.com.balcao.security.AccessMatrix.Endpoint;
import br.com.balcao.security.AccessMatrix.Outcome;
import br.com.balcao.security.AccessProbe.Answer;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every state-changing mapping refuses a request without the CSRF token before any controller runs and
 * changes nothing (the webhook alone is exempt, being signed); every page, as each role that may see it,
 * carries the security headers. Login throttling and session renewal are {@link LoginTest}'s.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfAndHeadersTest {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Signed with the app secret instead; checked by its own tests. */
    private static final String WEBHOOK = "POST /webhooks/whatsapp";

    @Autowired
    MockMvc mvc;

    AccessProbe probe;
    AccessFixtures fixtures;
    List<String> mappings;
    /** Pages change nothing, so they all show one world's objects. */
    World pages;

    @BeforeAll
    void cast(@Autowired ApplicationContext context, @Autowired JdbcTemplate jdbc, @Autowired TestData data,
              @Autowired TestClock clock, @Autowired AccountDetailsService accounts) {
        probe = AccessProbe.start(mvc, context, jdbc, data, clock, accounts);
        fixtures = probe.fixtures();
        mappings = List.copyOf(probe.mappings());
        pages = fixtures.own();
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingMappingRefusesARequestWithoutTheToken() {
        return mappings.stream()
                .filter(mapping -> STATE_CHANGING.contains(mapping.substring(0, mapping.indexOf(' '))))
                .filter(mapping -> !mapping.equals(WEBHOOK))
                .map(mapping -> dynamicTest(mapping, () -> refusedWithoutToken(listed(mapping))));
    }

    private void refusedWithoutToken(Endpoint endpoint) throws Exception {
        Role role = Arrays.stream(Role.values())
                .filter(candidate -> mayCall(endpoint, candidate)).findFirst().orElseThrow();
        World world = fixtures.own();
        String before = fixtures.snapshot(world);

        Answer answer = probe.callWithoutToken(endpoint, role, world);

        assertThat(answer.result().getResponse().getStatus()).as(answer.describe()).isEqualTo(403);
        assertThat(answer.result().getHandler()).as("no controller runs without the token").isNull();
        assertThat(fixtures.snapshot(world)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void theSignedWebhookIsTheOnlyStateChangingMappingWithoutTheToken() throws Exception {
        Answer answer = probe.callWithoutToken(listed(WEBHOOK), Role.ANONYMOUS, fixtures.own());

        assertThat(answer.reached()).as(answer.describe()).isTrue();
        assertThat(answer.result().getResponse().getStatus()).as("unsigned").isEqualTo(401);
    }

    @Test
    void loggingOutNeedsTheTokenToo() throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", fixtures.principal(Role.AGENT)
                        .getUsername()).param("password", TestData.PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");

        assertThat(mvc.perform(post("/logout").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus())
                .as("still signed in").isEqualTo(200);
    }

    /** Every GET mapping but the webhook's handshake, as each role that may see it (anonymous for the public ones). */
    @TestFactory
    Stream<DynamicTest> everyPageCarriesTheSecurityHeadersForEachRoleThatSeesIt() {
        return mappings.stream()
                .filter(mapping -> mapping.startsWith("GET ") || mapping.startsWith("ANY "))
                .filter(mapping -> !mapping.startsWith("GET /webhooks/"))
                .map(mapping -> dynamicTest(mapping, () -> carriesTheHeaders(listed(mapping))));
    }

    private void carriesTheHeaders(Endpoint endpoint) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Role role : Role.values()) {
            if (!mayCall(endpoint, role)) {
                continue;
            }
            Answer answer = probe.call(endpoint, role, pages);
            securityHeaders(softly, answer.result().getResponse(), role + ": " + answer.describe());
        }
        softly.assertAll();
    }

    @Test
    void refusalsCarryTheSecurityHeadersToo() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        World other = fixtures.other();
        for (Answer refusal : List.of(
                probe.call(listed("GET /settings"), Role.AGENT, pages),
                probe.call(listed("GET /desk/tickets/{ticketId}"), Role.AGENT, other),
                probe.call(listed("GET /desk"), Role.ANONYMOUS, pages))) {
            softly.assertThat(refusal.outcome()).isIn(Outcome.FORBIDDEN, Outcome.NOT_FOUND, Outcome.LOGIN);
            securityHeaders(softly, refusal.result().getResponse(), refusal.describe());
        }
        softly.assertAll();
    }

    /** No inline script or style, no framing, no sniffing, no full URL sent to other sites. */
    private static void securityHeaders(SoftAssertions softly, MockHttpServletResponse response, String as) {
        softly.assertThat(response.getHeader("Content-Security-Policy")).as(as)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        softly.assertThat(response.getHeader("X-Content-Type-Options")).as(as).isEqualTo("nosniff");
        softly.assertThat(response.getHeader("X-Frame-Options")).as(as).isEqualTo("DENY");
        softly.assertThat(response.getHeader("Referrer-Policy")).as(as).isEqualTo("strict-origin-when-cross-origin");
    }

    private static boolean mayCall(Endpoint endpoint, Role role) {
        Outcome expected = endpoint.access().expected(role, false);
        return expected == Outcome.PASSES || expected == Outcome.REACHES;
    }

    private static Endpoint listed(String mapping) {
        Endpoint endpoint = AccessMatrix.TABLE.get(mapping);
        assertThat(endpoint).as(mapping + " is not in AccessMatrix.TABLE").isNotNull();
        return endpoint;
    }
}
