package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.webhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
class WebhookControllerTest {

    static final String SECRET = IntegrationTest.WEBHOOK_SECRET;
    static final String TOKEN = IntegrationTest.VERIFY_TOKEN;
    private static final String OUTBOUND_WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    private final JsonMapper json = JsonMapper.builder().build();

    private long numberId;
    private String phoneNumberId;
    private byte[] textMessage;

    @BeforeEach
    void aNumber() {
        numberId = data.number("Webhook");
        phoneNumberId = jdbc.queryForObject("SELECT phone_number_id FROM business_numbers WHERE id = ?",
                String.class, numberId);
        textMessage = addressedTo("text.json", phoneNumberId);
    }

    // The subscription handshake

    @Test
    void theHandshakeAnswersTheChallengeAsPlainText() throws Exception {
        mvc.perform(get("/webhooks/whatsapp")
                        .param("hub.mode", "subscribe")
                        .param("hub.challenge", "1158201444")
                        .param("hub.verify_token", TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("1158201444"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong-token",
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=test-toke",
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=test-token-",
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=",
            "hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=test-token",
            "hub.challenge=1158201444&hub.verify_token=test-token",
            "hub.mode=subscribe&hub.challenge=1158201444",
            "hub.mode=subscribe&hub.verify_token=test-token",
            ""})
    void anyOtherHandshakeIsForbidden(String query) throws Exception {
        mvc.perform(get("/webhooks/whatsapp?" + query)).andExpect(status().isForbidden());
    }

    // The signature: anything but Meta's exact signature of these bytes is refused and stores nothing

    @Test
    void withoutASignatureNothingIsStored() throws Exception {
        assertRefusedAndNothingStored(textMessage, null);
    }

    @Test
    void aSignatureWithoutItsPrefixIsRefused() throws Exception {
        assertRefusedAndNothingStored(textMessage, signature(SECRET, textMessage).substring("sha256=".length()));
        assertRefusedAndNothingStored(textMessage, signature(SECRET, textMessage).replace("sha256=", "sha1="));
    }

    @Test
    void aSignatureThatIsNotHexOfTheRightLengthIsRefused() throws Exception {
        assertRefusedAndNothingStored(textMessage, "sha256=" + "z".repeat(64));
        assertRefusedAndNothingStored(textMessage, signature(SECRET, textMessage).substring(0, 7 + 62));
        assertRefusedAndNothingStored(textMessage, signature(SECRET, textMessage) + "00");
        assertRefusedAndNothingStored(textMessage, "sha256=");
    }

    @Test
    void theSignatureOfAnotherBodyIsRefused() throws Exception {
        byte[] otherBody = addressedTo("image.json", phoneNumberId);

        assertRefusedAndNothingStored(textMessage, signature(SECRET, otherBody));
    }

    @Test
    void aBodyChangedByOneByteAfterSigningIsRefused() throws Exception {
        String signature = signature(SECRET, textMessage);
        byte[] tampered = new String(textMessage, StandardCharsets.UTF_8).replace("#1042", "#1043")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).hasSameSizeAs(textMessage);

        assertRefusedAndNothingStored(tampered, signature);
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() throws Exception {
        assertRefusedAndNothingStored(textMessage, signature("another-secret", textMessage));
    }

    // Size and shape

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeAnythingElse() throws Exception {
        byte[] body = padded(textMessage, WebhookBody.MAX_BYTES + 1);
        long messages = messageCount();

        webhook(body, signature(SECRET, body)).andExpect(status().isContentTooLarge());
        assertThat(messageCount()).isEqualTo(messages);
    }

    @Test
    void aBodyOfExactlyOneMegabyteIsAccepted() throws Exception {
        byte[] body = padded(addressedTo("status_read.json", phoneNumberId), WebhookBody.MAX_BYTES);

        webhook(body, signature(SECRET, body)).andExpect(status().isOk());
    }

    @ParameterizedTest
    @MethodSource("signedButNotMetasEnvelope")
    void aSignedBodyThatIsNotMetasEnvelopeIsABadRequest(String json) throws Exception {
        byte[] body = json.replace("PHONE_NUMBER_ID", phoneNumberId).getBytes(StandardCharsets.UTF_8);
        long messages = messageCount();

        webhook(body, signature(SECRET, body)).andExpect(status().isBadRequest());
        assertThat(messageCount()).isEqualTo(messages);
        assertThat(contactCount()).isZero();
    }

    static Stream<String> signedButNotMetasEnvelope() {
        String text = WebhookFixtures.text("text.json").replace(WebhookFixtures.FIRST_PHONE_NUMBER_ID, "PHONE_NUMBER_ID");
        return Stream.of(
                text.substring(0, text.length() / 2),
                text + "}",
                "",
                "{\"object\": \"whatsapp_business_account\", \"entry\": {}}",
                // an envelope whose messages are no array is not Meta's, even after a valid message
                text.replace("\"messages\": [", "\"statuses\": {}, \"messages\": ["));
    }

    // One malformed message or status: left out, the rest stored, and 200, for Meta would send the same again

    @Test
    void aMalformedMessageIsLeftOutAndTheOthersOfTheEnvelopeAreStored() throws Exception {
        long unique = TestData.unique();
        ObjectNode envelope = (ObjectNode) json.readTree(textMessage);
        ArrayNode messages = (ArrayNode) envelope.at("/entry/0/changes/0/value/messages");
        ObjectNode first = ((ObjectNode) messages.get(0)).put("id", "wamid.first." + unique);
        messages.add(first.deepCopy().put("id", "wamid.undated." + unique).put("timestamp", "yesterday"));
        messages.add(first.deepCopy().put("id", "wamid.last." + unique));
        byte[] body = json.writeValueAsBytes(envelope);

        webhook(body, signature(SECRET, body)).andExpect(status().isOk());

        assertThat(storedWamids()).containsExactly("wamid.first." + unique, "wamid.last." + unique);
    }

    /** Before, the NUL was dropped: the second id became the first one's and its message was taken for a repeat. */
    @Test
    void aMessageIdWithAControlCharacterIsLeftOutNeverRewritten() throws Exception {
        long unique = TestData.unique();
        ObjectNode envelope = (ObjectNode) json.readTree(textMessage);
        ArrayNode messages = (ArrayNode) envelope.at("/entry/0/changes/0/value/messages");
        ObjectNode first = ((ObjectNode) messages.get(0)).put("id", "wamid.AB" + unique);
        messages.add(first.deepCopy().put("id", "wamid.A\u0000B" + unique).put("timestamp", "1749416390"));
        messages.add(first.deepCopy().put("id", "wamid.A\u0007B" + unique).put("timestamp", "1749416391"));
        byte[] body = json.writeValueAsBytes(envelope);

        webhook(body, signature(SECRET, body)).andExpect(status().isOk());

        assertThat(storedWamids()).containsExactly("wamid.AB" + unique);
    }

    // Meta's timestamps

    @ParameterizedTest
    @ValueSource(strings = {"253402300799", "1000000000000000", "-1"})
    void anImplausibleMessageTimeIsStoredAsTheTimeReceivedWithMetasValueKept(String timestamp) throws Exception {
        String wamid = "wamid.when." + TestData.unique();
        ObjectNode envelope = (ObjectNode) json.readTree(textMessage);
        ((ObjectNode) envelope.at("/entry/0/changes/0/value/messages/0")).put("id", wamid).put("timestamp", timestamp);
        byte[] body = json.writeValueAsBytes(envelope);

        webhook(body, signature(SECRET, body)).andExpect(status().isOk());

        assertThat(jdbc.queryForMap("SELECT created_at, implausible_timestamp FROM messages WHERE wamid = ?", wamid))
                .containsEntry("created_at", Timestamp.from(clock.instant()))
                .containsEntry("implausible_timestamp", Long.parseLong(timestamp));
    }

    @Test
    void aPlausibleMessageTimeIsMetasAndNothingIsKeptAside() throws Exception {
        webhook(textMessage, signature(SECRET, textMessage)).andExpect(status().isOk());

        assertThat(jdbc.queryForMap("""
                SELECT created_at, implausible_timestamp FROM messages WHERE number_id = ? AND direction = 'INBOUND'
                """, numberId)).containsEntry("created_at", at(1749416383)).containsEntry("implausible_timestamp", null);
    }

    @Test
    void aStatusTimeBeyondTheDatabasesRangeIsTheTimeReceived() throws Exception {
        long message = outbound(numberId, OUTBOUND_WAMID, "SENT");
        byte[] body = new String(addressedTo("status_read.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("1750263790", "1000000000000000").getBytes(StandardCharsets.UTF_8);

        webhook(body, signature(SECRET, body)).andExpect(status().isOk());

        assertThat(row(message)).containsEntry("status", "READ")
                .containsEntry("read_at", Timestamp.from(clock.instant()));
    }

    private List<String> storedWamids() {
        return jdbc.queryForList("""
                SELECT wamid FROM messages WHERE number_id = ? AND direction = 'INBOUND' ORDER BY created_at, id
                """, String.class, numberId);
    }

    // Processing

    @Test
    void anUnknownPhoneNumberIdIsAcceptedAndCountedButStoresNothingNotEvenASession() throws Exception {
        byte[] body = addressedTo("text.json", "8" + TestData.unique());
        double unknownBefore = meters.counter("balcao.webhook.unknown_number").count();
        long messages = messageCount();
        long sessions = jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);

        webhook(body, signature(SECRET, body))
                .andExpect(status().isOk())
                .andExpect(content().string(""))
                .andExpect(header().doesNotExist("Set-Cookie"));
        assertThat(messageCount()).isEqualTo(messages);
        assertThat(meters.counter("balcao.webhook.unknown_number").count()).isEqualTo(unknownBefore + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class)).isEqualTo(sessions);
    }

    @Test
    void eachAnswerIsTimedByItsStatusWithoutReachingSpringMvc() throws Exception {
        long okBefore = answered(200);
        long refusedBefore = answered(401);

        var accepted = webhook(textMessage, signature(SECRET, textMessage)).andExpect(status().isOk()).andReturn();
        webhook(textMessage, "sha256=" + "0".repeat(64)).andExpect(status().isUnauthorized());

        assertThat(accepted.getHandler()).as("served by the webhook's filter, not a controller").isNull();
        assertThat(answered(200)).isEqualTo(okBefore + 1);
        assertThat(answered(401)).isEqualTo(refusedBefore + 1);
    }

    private long answered(int status) {
        var timer = meters.find("balcao.webhook.requests").tag("status", String.valueOf(status)).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void statusesMoveTheStoredOutboundMessageForwardOnly() throws Exception {
        long message = outbound(numberId, OUTBOUND_WAMID, "SENT");

        postSigned("status_delivered.json");
        assertThat(row(message)).containsEntry("status", "DELIVERED")
                .containsEntry("delivered_at", at(1750263776)).containsEntry("read_at", null);

        postSigned("status_read.json");
        assertThat(row(message)).containsEntry("status", "READ").containsEntry("read_at", at(1750263790));

        postSigned("status_delivered.json");
        postSigned("status_failed.json");
        assertThat(row(message)).containsEntry("status", "READ").containsEntry("error_code", null);
    }

    @Test
    void aFailedStatusRecordsMetasError() throws Exception {
        long message = outbound(numberId, OUTBOUND_WAMID, "SENT");

        postSigned("status_failed.json");

        assertThat(row(message)).containsEntry("status", "FAILED").containsEntry("error_code", 131047)
                .containsEntry("error_message", "Re-engagement message — Message failed to send because more than"
                        + " 24 hours have passed since the customer last replied to this number.");
    }

    @Test
    void everyEntryAndChangeOfAnEnvelopeIsProcessed() throws Exception {
        long otherNumberId = data.number("Webhook, second");
        String otherPhoneNumberId = jdbc.queryForObject(
                "SELECT phone_number_id FROM business_numbers WHERE id = ?", String.class, otherNumberId);
        long first = outbound(numberId, "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJBQUFBMDAwMDAwMDAwMDAwMDEA", "SENT");
        long second = outbound(numberId, "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJBQUFBMDAwMDAwMDAwMDAwMDIA", "SENT");
        long third = outbound(otherNumberId, "wamid.HBgNNTUyMTk4ODg3NzY2NhUCABEYEkJCQkIwMDAwMDAwMDAwMDAwMgA=", "SENT");
        byte[] body = addressedTo("statuses_multiple_entries.json", phoneNumberId, otherPhoneNumberId);

        webhook(body, signature(SECRET, body)).andExpect(status().isOk());

        assertThat(row(first)).containsEntry("status", "DELIVERED");
        assertThat(row(second)).containsEntry("status", "READ");
        assertThat(row(third)).containsEntry("status", "READ");
    }

    private void postSigned(String statusFixture) throws Exception {
        byte[] body = addressedTo(statusFixture, phoneNumberId);
        webhook(body, signature(SECRET, body)).andExpect(status().isOk());
    }

    private ResultActions webhook(byte[] body, String signature) throws Exception {
        return mvc.perform(webhookPost(body, signature));
    }

    private void assertRefusedAndNothingStored(byte[] body, String signature) throws Exception {
        long messages = messageCount();

        webhook(body, signature).andExpect(status().isUnauthorized());

        assertThat(messageCount()).isEqualTo(messages);
        assertThat(contactCount()).isZero();
    }

    private long messageCount() {
        return jdbc.queryForObject("SELECT count(*) FROM messages", Long.class);
    }

    private long contactCount() {
        return jdbc.queryForObject("SELECT count(*) FROM contacts WHERE number_id = ?", Long.class, numberId);
    }

    private long outbound(long number, String wamid, String status) {
        long contact = data.contact(number, "Sheena Nelson");
        Timestamp sent = Timestamp.from(TestClock.START);
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, wamid, status,
                                      created_at, sent_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', 'Seu pedido saiu para entrega', ?, ?, ?, ?)
                RETURNING id
                """, Long.class, number, contact, wamid, status, sent, sent);
    }

    private Map<String, Object> row(long messageId) {
        return jdbc.queryForMap("""
                SELECT status, delivered_at, read_at, error_code, error_message FROM messages WHERE id = ?
                """, messageId);
    }

    private static Timestamp at(long epochSecond) {
        return Timestamp.from(Instant.ofEpochSecond(epochSecond));
    }

    /** The JSON followed by spaces up to this many bytes: still the same envelope. */
    private static byte[] padded(byte[] json, int size) {
        byte[] body = Arrays.copyOf(json, size);
        Arrays.fill(body, json.length, size, (byte) ' ');
        return body;
    }
}
