package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.webhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.EmbeddedServerFolder;
import br.com.balcao.support.TestClockConfiguration;
import br.com.balcao.support.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The first run of a real installation as {@code ./mvnw spring-boot:run} makes it: no database configured, so
 * the app's own embedded PostgreSQL (in a folder of this test's), and WHATSAPP_APP_SECRET set. That is no demo:
 * no demo data, no simulator, the given secret and not the published one, and the setup for the first visitor.
 * Its own embedded server stops with the class.
 */
@SpringBootTest(properties = {
        "WHATSAPP_APP_SECRET=" + RealInstallationTest.SECRET,
        "balcao.whatsapp.outbound.enabled=false",
        "balcao.tickets.distribution-threads=0",
        "spring.main.banner-mode=off"
})
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestData.class})
@DirtiesContext
class RealInstallationTest {

    static final String SECRET = "the-real-app-secret";

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void embeddedDatabaseInATemporaryFolder(DynamicPropertyRegistry registry) {
        EmbeddedServerFolder.register(registry, dataDirectory);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoIsOffAndTheGivenSettingsAreUsed(@Autowired Environment environment,
            @Autowired ChannelProperties whatsApp, @Autowired WhatsAppGateway gateway) {
        assertThat(environment.getActiveProfiles()).doesNotContain("demo");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_users WHERE email LIKE '%@demo.local'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM business_numbers WHERE phone_number_id IN "
                + "('100000000000001', '100000000000002', '100000000000003')", Integer.class)).isZero();
        assertThat(whatsApp.appSecret()).isEqualTo(SECRET);
        assertThat(whatsApp.verifyToken()).isEmpty();
        assertThat(gateway).isInstanceOf(CloudApiGateway.class);
    }

    @Test
    void webhooksSignedWithTheDemoSecretAreRefused() throws Exception {
        byte[] body = WebhookFixtures.bytes("text.json");

        mvc.perform(webhookPost(body, signature("demo-app-secret", body))).andExpect(status().isUnauthorized());
        mvc.perform(webhookPost(body, signature(SECRET, body))).andExpect(status().isOk());
    }

    @Test
    void theFirstVisitorIsLedToTheSetupAndThereIsNoSimulatorNorDemoBadge(@Autowired TestData data,
            @Autowired UserDetailsService accounts) throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup")).andExpect(status().isOk());

        String email = data.email("admin");
        data.user("ADMIN", email); // as the setup makes it (see FirstRunSetupTest)
        var admin = accounts.loadUserByUsername(email);

        mvc.perform(get("/setup")).andExpect(status().isNotFound());
        mvc.perform(get("/simulator").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"demo-badge\""))))
                .andExpect(content().string(not(containsString("href=\"/simulator\""))));
    }
}
