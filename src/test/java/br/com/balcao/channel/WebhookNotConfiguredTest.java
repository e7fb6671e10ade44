package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.signatureWithEmptyKey;
import static br.com.balcao.channel.WebhookFixtures.webhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A deployment that has not set its WhatsApp secrets accepts nothing, whatever is sent. */
@IntegrationTest
@TestPropertySource(properties = {"balcao.whatsapp.app-secret=", "balcao.whatsapp.verify-token="})
class WebhookNotConfiguredTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutAnAppSecretEveryPostIsRefused() throws Exception {
        long numberId = data.number("Webhook, no secret");
        String phoneNumberId = jdbc.queryForObject("SELECT phone_number_id FROM business_numbers WHERE id = ?",
                String.class, numberId);
        byte[] body = WebhookFixtures.addressedTo("text.json", phoneNumberId);
        long messages = jdbc.queryForObject("SELECT count(*) FROM messages", Long.class);

        for (String signature : new String[] {signatureWithEmptyKey(body), signature("test-secret", body), null}) {
            mvc.perform(webhookPost(body, signature)).andExpect(status().isUnauthorized());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages", Long.class)).isEqualTo(messages);
    }

    @Test
    void withoutAVerifyTokenEveryHandshakeIsRefused() throws Exception {
        mvc.perform(get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="))
                .andExpect(status().isForbidden());
        mvc.perform(get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theEmptyKeySignatureIsHmacWithAnEmptyKey() {
        // The helper checked against the well-known HMAC-SHA256 of an empty message with an empty key.
        assertThat(signatureWithEmptyKey(new byte[0]))
                .isEqualTo("sha256=b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    }
}
