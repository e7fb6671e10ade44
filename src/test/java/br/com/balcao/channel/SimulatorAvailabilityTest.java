package br.com.balcao.channel;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A real deployment (no demo profile) has no customer simulator, neither the page nor the menu entry. */
@IntegrationTest
class SimulatorAvailabilityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserDetailsService users;

    @Test
    void withoutTheDemoProfileTheSimulatorDoesNotExist() throws Exception {
        String email = data.email("admin");
        data.user("ADMIN", email);
        var admin = users.loadUserByUsername(email);

        mvc.perform(get("/simulator").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/").with(user(admin)))
                .andExpect(content().string(not(containsString("href=\"/simulator\""))));
    }
}
