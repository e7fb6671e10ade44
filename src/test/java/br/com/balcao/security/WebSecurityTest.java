package br.com.balcao.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WebSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    AccountDetailsService accounts;

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/"}) {
            mvc.perform(get(path))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }
    }

    @Test
    void theMicrophoneIsThisOriginsOnlyAndRecordingsPlayFromThePage() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Permissions-Policy", "camera=(), microphone=(self), geolocation=()"))
                .andExpect(header().string("Content-Security-Policy", containsString("media-src 'self' blob:;")));
    }

    @Test
    void theContentSecurityPolicyAllowsNoInlineScript() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.not(containsString("unsafe-inline"))));
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        var agent = signedIn("AGENT");
        mvc.perform(post("/me/status").param("status", "ONLINE").with(user(agent)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "a@b.c").param("password", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/me/status").param("status", "ONLINE").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void healthIsPublicAndTheRestOfActuatorIsForAdmins() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/metrics").with(user(signedIn("AGENT")))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(user(signedIn("MANAGER")))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(user(signedIn("ADMIN")))).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(user(signedIn("ADMIN")))).andExpect(status().isOk());
    }

    private AccountDetails signedIn(String role) {
        String email = data.email(role.toLowerCase());
        data.user(role, email);
        return (AccountDetails) accounts.loadUserByUsername(email);
    }
}
