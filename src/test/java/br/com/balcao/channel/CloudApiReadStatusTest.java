package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * The Cloud API's read status and typing indicator, as Meta documents them ("Mark messages as read", "Typing
 * indicators"): the exact request, {@code {"success":true}} read as taken, a refusal or an outage as not.
 */
class CloudApiReadStatusTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String TOKEN = "EAAJB-test-token";
    private static final String WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";
    private static final String SUCCESS = "{\"success\": true}";
    /** What Meta answers for a message id it does not know (Graph API error 100, invalid parameter). */
    private static final String UNKNOWN_MESSAGE = """
            {"error": {"message": "(#100) Invalid parameter", "type": "OAuthException", "code": 100,
                       "error_data": {"messaging_product": "whatsapp", "details": "Invalid message_id"},
                       "fbtrace_id": "AbCdEf123"}}
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
    void marksAMessageReadExactlyAsDocumented() throws Exception {
        server.enqueue(answer(200, SUCCESS));

        assertThat(gateway.markRead(PHONE_NUMBER_ID, WAMID)).isTrue();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(request)).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "%s"}""".formatted(WAMID)));
    }

    @Test
    void showsTypingWithTheReadStatusAndItsIndicator() throws Exception {
        server.enqueue(answer(200, SUCCESS));

        assertThat(gateway.showTyping(PHONE_NUMBER_ID, WAMID)).isTrue();

        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "%s",
                 "typing_indicator": {"type": "text"}}""".formatted(WAMID)));
    }

    @Test
    void aRefusalOrAnOutageIsNotTakenAndNotTriedAgain() {
        server.enqueue(answer(400, UNKNOWN_MESSAGE));
        server.enqueue(answer(503, "{\"error\": {\"message\": \"Service temporarily unavailable\", \"code\": 2}}"));
        server.enqueue(answer(200, "{\"success\": false}"));

        assertThat(gateway.markRead(PHONE_NUMBER_ID, WAMID)).isFalse();
        assertThat(gateway.markRead(PHONE_NUMBER_ID, WAMID)).isFalse();
        assertThat(gateway.showTyping(PHONE_NUMBER_ID, WAMID)).isFalse();

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void withoutAnAccessTokenNothingIsAsked() {
        gateway = new CloudApiGateway(server.url("/").toString(), "v23.0", " ");

        assertThat(gateway.markRead(PHONE_NUMBER_ID, WAMID)).isFalse();
        assertThat(gateway.showTyping(PHONE_NUMBER_ID, WAMID)).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().string(StandardCharsets.UTF_8));
    }
}
