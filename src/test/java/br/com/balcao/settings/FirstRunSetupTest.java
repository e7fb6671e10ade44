package br.com.balcao.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.shared.NotFoundException;
import br.com.balcao.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A real installation's first run, on an empty database with the setup on (as it is outside the tests and the
 * demo): every page leads to /setup, which refuses bad input with a reason and nothing created, creates the
 * first admin and number once, and is gone afterwards. A test that completes the setup closes its context, so
 * that each test starts on an installation without an admin.
 */
@IntegrationTest
@TestPropertySource(properties = "balcao.setup.enabled=true")
class FirstRunSetupTest {

    private static final String EMAIL = "atendimento.loja@dona-maria.com.br";
    private static final String PASSWORD = "Atendimento-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPageLeadsToTheSetupUntilThereIsAnAdmin() throws Exception {
        for (String page : List.of("/", "/login", "/desk", "/settings/users", "/actuator/prometheus")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/setup"));
        }
        mvc.perform(post("/me/status").with(csrf()).param("status", "ONLINE")).andExpect(redirectedUrl("/setup"));

        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(post("/webhooks/whatsapp").content("{}")).andExpect(status().isUnauthorized());
    }

    @Test
    void theSetupPageAsksForTheAdminAndTheNumberWithAToken() throws Exception {
        mvc.perform(get("/setup"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("Primeira configuração"),
                        Matchers.containsString("name=\"_csrf\""),
                        Matchers.containsString("name=\"passwordConfirmation\""),
                        Matchers.containsString("name=\"phoneNumberId\""),
                        Matchers.containsString("list=\"setup-zone-choices\" value=\"America/Sao_Paulo\""))));
        mvc.perform(get("/setup").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("First-run setup")));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("password", "Curta-1", "password", "A senha precisa ter pelo menos 12 caracteres."),
                refusal("password", "sóletrasminúsculas", "password", "Misture pelo menos dois tipos de caractere"),
                refusal("password", EMAIL, "password", "A senha não pode ser o seu e-mail"),
                refusal("password", "Atendimento.Loja", "password", "A senha não pode ser o seu e-mail"),
                refusal("password", "Password1234", "password", "Essa senha está entre as mais usadas"),
                refusal("password", "Senha1234567", "password", "Essa senha está entre as mais usadas"),
                refusal("passwordConfirmation", "Outra-senha-2026", "passwordConfirmation",
                        "As duas senhas digitadas não são iguais."),
                refusal("email", "atendimento.loja.com.br", "email", "O valor de “E-mail (login)” não é válido."),
                refusal("name", " ", "name", "Preencha este campo."),
                refusal("numberName", "", "numberName", "Preencha este campo."),
                refusal("displayPhone", "", "displayPhone", "Preencha este campo."),
                refusal("phoneNumberId", "", "phoneNumberId", "Preencha este campo."),
                refusal("timeZone", "Lua/Base_Alfa", "zone", "O valor de “Fuso horário” não é válido."));
    }

    /** The reason is shown under the field it is about (its control's id is "setup-" and {@code shownAt}). */
    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("refusals")
    void badInputIsRefusedWithTheReasonWhereItBelongsAndCreatesNothing(String field, String value, String shownAt,
            String reason) throws Exception {
        Map<String, String> form = validForm(EMAIL, "106540352242922");
        form.put(field, value);
        if (field.equals("password")) {
            form.put("passwordConfirmation", value);
        }

        String page = mvc.perform(submit(form))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(errorUnder(page, "setup-" + shownAt)).startsWith(reason);
        assertThat(page).contains("value=\"" + form.get("email") + "\"");
        assertThat(Pattern.compile("<input[^>]*name=\"password(Confirmation)?\"[^>]*>").matcher(page).results()
                .map(MatchResult::group)).hasSize(2).noneMatch(input -> input.matches("(?s).*value=\"[^\"].*"));
        assertNothingCreated();
    }

    @Test
    void theReasonsSpeakEnglishToo() throws Exception {
        Map<String, String> form = validForm(EMAIL, "106540352242922");
        form.put("password", "abcdefghijklmnop");
        form.put("passwordConfirmation", "abcdefghijklmnop");

        mvc.perform(submit(form).param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString(
                        "Mix at least two kinds of characters")));
        assertNothingCreated();
    }

    @Test
    void withoutTheTokenNothingHappens() throws Exception {
        MockHttpServletRequestBuilder request = post("/setup");
        validForm(EMAIL, "106540352242922").forEach(request::param);

        mvc.perform(request).andExpect(status().isForbidden());
        assertNothingCreated();
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void theSetupCreatesTheFirstAdminAndNumberThenIsGone() throws Exception {
        mvc.perform(submit(validForm("Dona.Maria@Loja.com.br", "106540352242922")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?setup"));

        assertThat(jdbc.queryForMap("SELECT name, role, enabled FROM app_users WHERE email = 'dona.maria@loja.com.br'"))
                .containsEntry("name", "Dona Maria").containsEntry("role", "ADMIN").containsEntry("enabled", true);
        assertThat(jdbc.queryForMap("""
                SELECT name, display_phone, time_zone, always_open, exit_keyword FROM business_numbers
                WHERE phone_number_id = '106540352242922'
                """)).containsEntry("name", "Loja Centro").containsEntry("display_phone", "+55 11 3456-7890")
                .containsEntry("time_zone", "America/Recife").containsEntry("always_open", true)
                .containsEntry("exit_keyword", "sair");
        assertThat(jdbc.queryForList("""
                SELECT a.action FROM audit_log a JOIN app_users u ON u.id = a.actor_id
                WHERE u.email = 'dona.maria@loja.com.br' ORDER BY a.id
                """, String.class)).containsExactly("user.created", "number.created");

        mvc.perform(get("/login").param("setup", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Administrador e número criados.")));
        mvc.perform(formLogin().user("dona.maria@loja.com.br").password(PASSWORD)).andExpect(authenticated());
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));

        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(submit(validForm("outro@loja.com.br", "106540352242923"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_users", Integer.class)).isOne();
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void setupsSubmittedAtOnceMakeOneFirstAdmin(@Autowired FirstRunSetup setup) throws Exception {
        int attempts = 4;
        CyclicBarrier start = new CyclicBarrier(attempts);
        List<Future<?>> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        for (int i = 0; i < attempts; i++) {
            Map<String, String> form = validForm("admin" + i + "@loja.com.br", "10654035224292" + i);
            results.add(threads.submit(() -> {
                start.await();
                setup.complete(params(form));
                return null;
            }));
        }
        threads.shutdown();

        List<Throwable> refusals = new ArrayList<>();
        for (Future<?> result : results) {
            try {
                result.get();
            } catch (ExecutionException refused) {
                refusals.add(refused.getCause());
            }
        }
        assertThat(refusals).hasSize(attempts - 1).allMatch(NotFoundException.class::isInstance);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_users WHERE role = 'ADMIN'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_numbers", Integer.class)).isOne();
    }

    private void assertNothingCreated() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_users", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_numbers", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log", Integer.class)).isZero();
    }

    private static Arguments refusal(String field, String value, String shownAt, String reason) {
        return Arguments.of(field, value, shownAt, reason);
    }

    /** The error shown under the control with this id (before the next control), empty when there is none. */
    private static String errorUnder(String page, String controlId) {
        int control = page.indexOf("id=\"" + controlId + "\"");
        assertThat(control).as(controlId).isNotNegative();
        int next = page.indexOf("<input", control);
        Matcher error = Pattern.compile("<div class=\"invalid-feedback\">([^<]*)</div>")
                .matcher(page.substring(control, next < 0 ? page.length() : next));
        return error.find() ? error.group(1) : "";
    }

    private static Map<String, String> validForm(String email, String phoneNumberId) {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Dona Maria");
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("passwordConfirmation", PASSWORD);
        form.put("numberName", "Loja Centro");
        form.put("displayPhone", "+55 11 3456-7890");
        form.put("phoneNumberId", phoneNumberId);
        form.put("timeZone", "America/Recife");
        return form;
    }

    private static MockHttpServletRequestBuilder submit(Map<String, String> form) {
        MockHttpServletRequestBuilder request = post("/setup").with(csrf());
        form.forEach(request::param);
        return request;
    }

    private static SetupParams params(Map<String, String> form) {
        return new SetupParams(form.get("name"), form.get("email"), form.get("password"),
                form.get("passwordConfirmation"), form.get("numberName"), form.get("displayPhone"),
                form.get("phoneNumberId"), form.get("timeZone"));
    }
}
