package br.com.balcao.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import br.com.balcao.security.AccessFixtures.Role;
import br.com.balcao.security.AccessFixtures.World;
import br.com.balcao.security.AccessMatrix.Endpoint;
import br.com.balcao.security.AccessMatrix.Outcome;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;

/** Calls a table row as a role and says what came of it, in the terms of {@link Outcome}. */
final class AccessProbe {

    /** What a call came to; {@code outcome} is null when it fits none (an error, or a controller never reached). */
    record Answer(Outcome outcome, boolean reached, MvcResult result) {

        String describe() {
            var response = result.getResponse();
            Exception exception = result.getResolvedException();
            return "status " + response.getStatus()
                    + (response.getRedirectedUrl() != null ? " to " + response.getRedirectedUrl() : "")
                    + (exception != null ? " (" + exception + ")" : "")
                    + (reached ? "" : ", controller not reached");
        }

        boolean is(Outcome expected) {
            return expected == Outcome.REACHES ? reached : outcome == expected;
        }
    }

    private final MockMvc mvc;
    private final AccessFixtures fixtures;
    private final Map<String, Set<Method>> handlers;

    private AccessProbe(MockMvc mvc, AccessFixtures fixtures, Map<String, Set<HandlerMethod>> mappings) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.handlers = mappings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(HandlerMethod::getMethod).collect(Collectors.toSet())));
    }

    /** The cast and its two numbers, on the clock's start, ready to call every mapping of the application. */
    static AccessProbe start(MockMvc mvc, ApplicationContext context, JdbcTemplate jdbc, TestData data, TestClock clock,
                             AccountDetailsService accounts) {
        clock.set(TestClock.START);
        return new AccessProbe(mvc, new AccessFixtures(jdbc, data, clock, accounts), AccessMatrix.mappings(context));
    }

    AccessFixtures fixtures() {
        return fixtures;
    }

    /** Every mapping of the application, as "METHOD /pattern". */
    Set<String> mappings() {
        return handlers.keySet();
    }

    /** The request as the row makes it for the world, signed in as the role, with the CSRF token. */
    Answer call(Endpoint endpoint, Role role, World world) throws Exception {
        return call(endpoint, role, endpoint.request().apply(world).with(csrf()));
    }

    /** The same without the CSRF token. */
    Answer callWithoutToken(Endpoint endpoint, Role role, World world) throws Exception {
        return call(endpoint, role, endpoint.request().apply(world));
    }

    private Answer call(Endpoint endpoint, Role role, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        if (role != Role.ANONYMOUS) {
            request.with(user(fixtures.principal(role)));
        }
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            // A live stream: closed at once, so that it is not kept open (and fed) for the rest of the suite.
            result.getRequest().getAsyncContext().complete();
        }
        boolean reached = AccessMatrix.FILTER_ENDPOINTS.containsKey(endpoint.mapping())
                ? answeredByFilter(result)
                : result.getHandler() instanceof HandlerMethod handler
                        && handlers.getOrDefault(endpoint.mapping(), Set.of()).contains(handler.getMethod());
        return new Answer(outcome(result, reached), reached, result);
    }

    /** Answered before Spring MVC, and not by the security chain's redirect to the login page. */
    private static boolean answeredByFilter(MvcResult result) {
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        return result.getHandler() == null && result.getResponse().getStatus() != 405
                && (location == null || !location.endsWith("/login"));
    }

    private static Outcome outcome(MvcResult result, boolean reached) {
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        if (status / 100 == 3 && location != null && location.endsWith("/login")) {
            return Outcome.LOGIN;
        }
        if (status == 403) {
            return Outcome.FORBIDDEN;
        }
        if (status == 404 && result.getResolvedException() instanceof NotFoundException) {
            return Outcome.NOT_FOUND;
        }
        if (status >= 500 || !reached) {
            return null;
        }
        return Outcome.PASSES;
    }
}
