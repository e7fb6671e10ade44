package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.webhookPost;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.hostile.HostileText;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers' hostile text through the signed webhook: a message cannot be refused (Meta would retry it
 * forever, or it would be lost), so what PostgreSQL cannot store is cleaned and the rest kept as sent. NUL
 * characters are dropped, a profile name is cut to the contact name's 120 characters, a file name to 255
 * without splitting a character in two, and the text of ten thousand characters and more is kept whole.
 * Same properties as {@link WebhookFuzzTest}, so both share one application context.
 */
@IntegrationTest
class HostileWebhookTextTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestData data;

    private final JsonMapper json = JsonMapper.builder().build();
    private long numberId;
    private String phoneNumberId;

    @BeforeEach
    void aNumber() {
        numberId = data.openNumber("Hostil webhook " + TestData.unique());
        phoneNumberId = data.phoneNumberId(numberId);
    }

    @Test
    void nulCharactersAreDroppedAndEverythingElseIsStoredAsSent() throws Exception {
        String text = HostileText.all() + " " + HostileText.NUL;
        String wamid = post("text.json", text, "Ana\u0000 " + HostileText.EMOJI);

        Map<String, Object> stored = stored(wamid);
        assertThat(stored.get("body")).isEqualTo(text.replace("\u0000", ""));
        assertThat(stored.get("name")).isEqualTo("Ana " + HostileText.EMOJI);
    }

    @Test
    void aLongTextIsKeptWholeAndALongProfileNameIsCut() throws Exception {
        String text = HostileText.ofLength(12_000);
        String wamid = post("text.json", text, HostileText.EMOJI.repeat(200));

        Map<String, Object> stored = stored(wamid);
        assertThat(stored.get("body")).isEqualTo(text);
        String name = (String) stored.get("name");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(120);
    }

    @Test
    void aLongHostileFileNameIsCutWithoutSplittingACharacter() throws Exception {
        ObjectNode envelope = envelope("document.json", "x");
        ((ObjectNode) envelope.at("/entry/0/changes/0/value/messages/0/document"))
                .put("filename", "a\r\nb\u0000" + "😀".repeat(200));
        String wamid = post(envelope);

        String fileName = jdbc.queryForObject("SELECT media_file_name FROM messages WHERE number_id = ? AND wamid = ?",
                String.class, numberId, wamid);
        assertThat(fileName).startsWith("a\r\nb😀").doesNotContain("\u0000", "?").endsWith("😀");
        assertThat(fileName.length()).isLessThanOrEqualTo(255);
    }

    private String post(String fixture, String text, String profileName) throws Exception {
        ObjectNode envelope = envelope(fixture, text);
        ((ObjectNode) envelope.at("/entry/0/changes/0/value/contacts/0/profile")).put("name", profileName);
        return post(envelope);
    }

    private ObjectNode envelope(String fixture, String text) throws Exception {
        ObjectNode envelope = (ObjectNode) json.readTree(addressedTo(fixture, phoneNumberId));
        ObjectNode message = (ObjectNode) envelope.at("/entry/0/changes/0/value/messages/0");
        message.put("id", "wamid.hostile." + TestData.unique()).put("from", TestData.waId());
        ((ObjectNode) envelope.at("/entry/0/changes/0/value/contacts/0")).put("wa_id", message.get("from").asString());
        if (message.has("text")) {
            ((ObjectNode) message.get("text")).put("body", text);
        }
        return envelope;
    }

    private String post(ObjectNode envelope) throws Exception {
        byte[] body = json.writeValueAsBytes(envelope);
        assertThat(mvc.perform(webhookPost(body, signature(WebhookFuzzTest.SECRET, body))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        return envelope.at("/entry/0/changes/0/value/messages/0/id").asString();
    }

    private Map<String, Object> stored(String wamid) {
        return jdbc.queryForMap("""
                SELECT m.body, c.name FROM messages m JOIN contacts c ON c.id = m.contact_id
                 WHERE m.number_id = ? AND m.wamid = ?
                """, numberId, wamid);
    }
}
