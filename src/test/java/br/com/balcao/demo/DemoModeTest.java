package br.com.balcao.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The demo says it is one: a badge on every page, a loud warning at start about its published password, no setup. */
@IntegrationTest
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void everyPageOfTheDemoShowsTheBadgeInItsLanguage() throws Exception {
        var agent = accounts.loadUserByUsername("ana@demo.local");

        mvc.perform(get("/").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"demo-badge\"")))
                .andExpect(content().string(Matchers.containsString("Demonstração: dados de exemplo")));
        mvc.perform(get("/desk").with(user(agent)).param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Demo: sample data and published WhatsApp")));
    }

    @Test
    void theDemoHasNoSetupPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        mvc.perform(get("/setup")).andExpect(status().isNotFound());
    }

    @Test
    void theStartWarnsThatTheDemoAccountsHaveThePublishedPassword(@Autowired DemoPasswordWarning warning,
            CapturedOutput output) {
        warning.warnWhileDemoPasswordsRemain();

        assertThat(output.getOut()).contains("WARN").contains("DEMO ACCOUNTS WITH THE PUBLISHED PASSWORD \"demo\": "
                + "admin@demo.local, manager@demo.local, ana@demo.local, bruno@demo.local, carla@demo.local, "
                + "diego@demo.local");
    }
}
