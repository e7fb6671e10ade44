package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundReaction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies and reactions on the Cloud API, against a local HTTP server: a reply carries {@code context.message_id},
 * a reaction is Meta's documented {@code "type": "reaction"} message, and an empty emoji takes it back.
 */
class CloudApiRepliesAndReactionsTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String TOKEN = "EAAJB-test-token";
    private static final String QUOTED = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==";
    private static final String ACCEPTED = """
            {"messaging_product": "whatsapp",
             "contacts": [{"input": "5511998871234", "wa_id": "5511998871234"}],
             "messages": [{"id": "wamid.HBgNNTUxMTk5ODg3MTIzNBUCABEYEjdGQ0I2RjQ0QjZBNUM0RkJGQQA="}]}
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private MockWebServer server;
    private CloudApiGateway gateway;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        gateway = new CloudApiGateway(server.url("/").toString(), "v23.0", TOKEN, Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aReplyCarriesTheQuotedMessagesWamidAsContext() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        gateway.send(PHONE_NUMBER_ID, new OutboundMessage(7, 1, 2, "5511998871234", MessageType.TEXT,
                "Esse mesmo, já saiu.", null, null, List.of(), 1, null, null, false, QUOTED, "Ana"));

        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "text", "text": {"preview_url": false, "body": "Esse mesmo, já saiu."},
                 "context": {"message_id": "%s"}}
                """.formatted(QUOTED)));
    }

    @Test
    void aMessageReplyingToNothingHasNoContext() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        gateway.send(PHONE_NUMBER_ID, new OutboundMessage(7, 1, 2, "5511998871234", MessageType.TEXT, "Oi",
                null, null, List.of(), 1));

        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS)).has("context")).isFalse();
    }

    @Test
    void aReactionIsSentAsDocumentedAndItsWamidKept() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        SendResult result = gateway.react(PHONE_NUMBER_ID,
                new OutboundReaction(3L, 1, "5511998871234", QUOTED, "👍"));

        assertThat(result).isEqualTo(new Accepted("wamid.HBgNNTUxMTk5ODg3MTIzNBUCABEYEjdGQ0I2RjQ0QjZBNUM0RkJGQQA="));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(body(request)).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "reaction", "reaction": {"message_id": "%s", "emoji": "👍"}}
                """.formatted(QUOTED)));
    }

    @Test
    void anEmptyEmojiTakesTheReactionBack() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        gateway.react(PHONE_NUMBER_ID, new OutboundReaction(null, 1, "5511998871234", QUOTED, ""));

        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS)).path("reaction")).isEqualTo(json.readTree("""
                {"message_id": "%s", "emoji": ""}
                """.formatted(QUOTED)));
    }

    @Test
    void aRefusedReactionKeepsMetasReason() {
        server.enqueue(answer(400, """
                {"error": {"message": "(#131009) Parameter value is not valid", "type": "OAuthException",
                           "code": 131009, "fbtrace_id": "AbCdEf123"}}
                """));

        assertThat(gateway.react(PHONE_NUMBER_ID, new OutboundReaction(3L, 1, "5511998871234", QUOTED, "👍")))
                .isEqualTo(new PermanentFailure(131009, "(#131009) Parameter value is not valid"));
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }
}
