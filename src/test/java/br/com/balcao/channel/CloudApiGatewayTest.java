package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.channel.SendResult.RetryableFailure;
import br.com.balcao.templates.HeaderFormat;
import br.com.balcao.templates.HeaderMedia;
import br.com.balcao.templates.TemplateHeader;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundReaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Cloud API client against a local HTTP server: the exact requests, and how Meta's answers are read. */
class CloudApiGatewayTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String TOKEN = "EAAJB-test-token";
    private static final String ACCEPTED = """
            {"messaging_product": "whatsapp",
             "contacts": [{"input": "5511998871234", "wa_id": "5511998871234"}],
             "messages": [{"id": "wamid.HBgNNTUxMTk5ODg3MTIzNBUCABEYEjdGQ0I2RjQ0QjZBNUM0RkJGQQA="}]}
            """;
    private static final String WINDOW_CLOSED = """
            {"error": {"message": "(#131047) Re-engagement message", "type": "OAuthException", "code": 131047,
                       "error_data": {"messaging_product": "whatsapp",
                                      "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                       "fbtrace_id": "AbCdEf123"}}
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private MockWebServer server;
    private CloudApiGateway gateway;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
        gateway = new CloudApiGateway(server.url("/").toString(), "v23.0", TOKEN,
                Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sendsTextExactlyAsDocumentedAndReadsTheWamid() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        SendResult result = gateway.send(PHONE_NUMBER_ID, text("Olá! Seu pedido saiu para entrega."));

        assertThat(result).isEqualTo(new Accepted("wamid.HBgNNTUxMTk5ODg3MTIzNBUCABEYEjdGQ0I2RjQ0QjZBNUM0RkJGQQA="));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(request)).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "text", "text": {"preview_url": false, "body": "Olá! Seu pedido saiu para entrega."}}
                """));
    }

    @Test
    void sendsTemplateWithItsBodyParameters() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        SendResult result = gateway.send(PHONE_NUMBER_ID, template("order_update", List.of("Ana", "#1042")));

        assertThat(result).isInstanceOf(Accepted.class);
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getTarget()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(body(request)).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "to": "5511998871234", "type": "template",
                 "template": {"name": "order_update", "language": {"code": "pt_BR"},
                   "components": [{"type": "body", "parameters": [{"type": "text", "text": "Ana"},
                                                                  {"type": "text", "text": "#1042"}]}]}}
                """));
    }

    @Test
    void aTemplatesHeaderTextAndMediaGoInTheHeaderComponentBeforeTheBody() throws Exception {
        server.enqueue(answer(200, ACCEPTED));
        server.enqueue(answer(200, ACCEPTED));

        gateway.send(PHONE_NUMBER_ID, template("order_update", List.of("Ana"), new TemplateHeader("1042", null)));
        server.enqueue(answer(200, ACCEPTED));
        gateway.send(PHONE_NUMBER_ID, template("invoice", List.of(), new TemplateHeader(null,
                new HeaderMedia(HeaderFormat.DOCUMENT, 7, "1037543291543636", "nota 1042.pdf"))));
        gateway.send(PHONE_NUMBER_ID, template("promo", List.of(), new TemplateHeader(null,
                new HeaderMedia(HeaderFormat.IMAGE, 8, "2762702990552401", "foto.jpg"))));

        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS)).path("template").path("components"))
                .isEqualTo(json.readTree("""
                        [{"type": "header", "parameters": [{"type": "text", "text": "1042"}]},
                         {"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}]
                        """));
        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS)).path("template").path("components"))
                .isEqualTo(json.readTree("""
                        [{"type": "header", "parameters": [{"type": "document",
                          "document": {"id": "1037543291543636", "filename": "nota 1042.pdf"}}]}]
                        """));
        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS)).path("template").path("components"))
                .isEqualTo(json.readTree("""
                        [{"type": "header", "parameters": [{"type": "image", "image": {"id": "2762702990552401"}}]}]
                        """));
    }

    @Test
    void templateWithoutParametersHasNoComponents() throws Exception {
        server.enqueue(answer(200, ACCEPTED));

        gateway.send(PHONE_NUMBER_ID, template("hello_world", List.of()));

        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "to": "5511998871234", "type": "template",
                 "template": {"name": "hello_world", "language": {"code": "pt_BR"}}}
                """));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlIsHarmless() throws Exception {
        gateway = new CloudApiGateway(server.url("/").toString() + "/", "v21.0", TOKEN);
        server.enqueue(answer(200, ACCEPTED));

        gateway.send(PHONE_NUMBER_ID, text("Oi"));

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/v21.0/" + PHONE_NUMBER_ID + "/messages");
    }

    @Test
    void serviceUnavailableIsWorthRetrying() {
        server.enqueue(answer(503, "{\"error\": {\"message\": \"Service temporarily unavailable\", \"code\": 2}}"));

        SendResult result = gateway.send(PHONE_NUMBER_ID, text("Oi"));

        assertThat(result).isInstanceOfSatisfying(RetryableFailure.class, failure ->
                assertThat(failure.description()).contains("503").contains("Service temporarily unavailable"));
    }

    @Test
    void aServerErrorWithoutJsonIsWorthRetrying() {
        server.enqueue(answer(502, "<html>Bad Gateway</html>"));

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOfSatisfying(RetryableFailure.class,
                failure -> assertThat(failure.description()).contains("502").contains("Bad Gateway"));
    }

    @Test
    void tooManyRequestsIsWorthRetrying() {
        server.enqueue(answer(429, "{\"error\": {\"message\": \"(#80007) Rate limit issues\", \"code\": 80007}}"));

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOfSatisfying(RetryableFailure.class,
                failure -> assertThat(failure.description()).contains("429"));
    }

    @Test
    void aClosedServiceWindowIsPermanentWithMetasCodeAndMessage() {
        server.enqueue(answer(400, WINDOW_CLOSED));

        SendResult result = gateway.send(PHONE_NUMBER_ID, text("Ainda precisa de ajuda?"));

        assertThat(result).isEqualTo(new PermanentFailure(131047, "(#131047) Re-engagement message"));
    }

    @Test
    void metasPassingCodesAreRetriedWithTheirCodeAndTheRestArePermanent() {
        server.enqueue(answer(400, """
                {"error": {"message": "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                           "type": "OAuthException", "code": 131056, "fbtrace_id": "B2"}}
                """));
        server.enqueue(answer(400, """
                {"error": {"message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429}}
                """));
        server.enqueue(answer(400, """
                {"error": {"message": "(#132015) Template is Paused", "type": "OAuthException", "code": 132015}}
                """));

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOfSatisfying(RetryableFailure.class,
                failure -> assertThat(failure.code()).isEqualTo(131056));
        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOfSatisfying(RetryableFailure.class,
                failure -> assertThat(failure.code()).isEqualTo(130429));
        assertThat(gateway.send(PHONE_NUMBER_ID, template("order_update", List.of("Ana"))))
                .isEqualTo(new PermanentFailure(132015, "(#132015) Template is Paused"));
    }

    @Test
    void anExpiredTokenIsPermanent() {
        server.enqueue(answer(401, """
                {"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException",
                           "code": 190, "error_subcode": 463, "fbtrace_id": "A1"}}
                """));

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi")))
                .isEqualTo(new PermanentFailure(190, "Error validating access token: Session has expired"));
    }

    @Test
    void aRefusalWithoutJsonIsPermanentWithTheStatus() {
        server.enqueue(answer(404, "Not Found"));

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isEqualTo(new PermanentFailure(null, "HTTP 404: Not Found"));
    }

    @Test
    void aRefusedConnectionIsWorthRetrying() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = new CloudApiGateway("http://127.0.0.1:" + closedPort, "v23.0", TOKEN);

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOf(RetryableFailure.class);
    }

    @Test
    void anAnswerTooSlowIsWorthRetrying() {
        gateway = new CloudApiGateway(server.url("/").toString(), "v23.0", TOKEN,
                Duration.ofSeconds(2), Duration.ofMillis(200));
        server.enqueue(new MockResponse.Builder().code(200).body(ACCEPTED).headersDelay(2, TimeUnit.SECONDS).build());

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOf(RetryableFailure.class);
    }

    @Test
    void anAcceptanceWithoutMessageIdIsNotRetried() {
        server.enqueue(answer(200, "{\"messaging_product\": \"whatsapp\"}"));

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOf(PermanentFailure.class);
    }

    @Test
    void withoutAnAccessTokenNothingIsSent() {
        gateway = new CloudApiGateway(server.url("/").toString(), "v23.0", "");

        assertThat(gateway.send(PHONE_NUMBER_ID, text("Oi"))).isInstanceOf(PermanentFailure.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMediaMessageIsNotSentAsTextOrTemplate() {
        var image = new OutboundMessage(7, 1, 2, "5511998871234", MessageType.IMAGE, null, null, null, List.of(), 1);

        assertThat(gateway.send(PHONE_NUMBER_ID, image)).isInstanceOf(PermanentFailure.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void mediaIsLookedUpThenDownloadedWithTheTokenAndStreamedOut() throws Exception {
        server.enqueue(answer(200, """
                {"messaging_product": "whatsapp", "url": "%s", "mime_type": "image/jpeg", "sha256": "abc",
                 "file_size": 5, "id": "1037543291543636"}
                """.formatted(server.url("/lookaside/?mid=1037543291543636"))));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/jpeg")
                .body("JPEG!").build());

        MediaFile file = gateway.media("1037543291543636").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.writeTo(out);

        assertThat(file.contentType()).isEqualTo("image/jpeg");
        assertThat(file.length()).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("JPEG!");
        RecordedRequest lookup = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(lookup.getTarget()).isEqualTo("/v23.0/1037543291543636");
        assertThat(lookup.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest download = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(download.getTarget()).isEqualTo("/lookaside/?mid=1037543291543636");
        assertThat(download.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void mediaMetaDoesNotKnowOrThatLivesOnAnotherHostIsNotFetched() {
        server.enqueue(answer(404, """
                {"error": {"message": "Unsupported get request", "code": 100}}
                """));
        server.enqueue(answer(200, """
                {"url": "http://169.254.169.254/latest/meta-data", "mime_type": "image/png"}
                """));

        assertThat(gateway.media("unknown")).isEmpty();
        assertThat(gateway.media("elsewhere")).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------- media out

    @Test
    void anUploadIsMultipartAsMetaDocumentsItAndAnswersTheMediaId() throws Exception {
        server.enqueue(answer(200, "{\"id\": \"1037543291543636\"}"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};

        UploadResult result = gateway.upload(PHONE_NUMBER_ID, new MediaUpload(new ByteArrayResource(png),
                "image/png", "peça quebrada.png"));

        assertThat(result).isEqualTo(new UploadResult.Uploaded("1037543291543636"));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/media");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        Map<String, Part> parts = parts(request);
        assertThat(parts).containsOnlyKeys("messaging_product", "type", "file");
        assertThat(parts.get("messaging_product").text()).isEqualTo("whatsapp");
        assertThat(parts.get("type").text()).isEqualTo("image/png");
        assertThat(parts.get("file").bytes()).isEqualTo(png);
        assertThat(parts.get("file").headers().get("Content-Type")).isEqualTo("image/png");
        assertThat(parts.get("file").headers().get("Content-Disposition")).contains("filename=");
    }

    @Test
    void anUploadRefusedForAPassingReasonIsRetryableAndOtherwiseNot() {
        server.enqueue(answer(503, "{\"error\": {\"message\": \"Service temporarily unavailable\", \"code\": 2}}"));
        server.enqueue(answer(429, "{\"error\": {\"message\": \"(#130429) Rate limit hit\", \"code\": 130429}}"));
        server.enqueue(answer(400, """
                {"error": {"message": "(#131053) Media upload error", "type": "OAuthException", "code": 131053,
                           "error_data": {"messaging_product": "whatsapp", "details": "Unsupported file type"},
                           "fbtrace_id": "A1b2C3"}}
                """));
        MediaUpload file = new MediaUpload(new ByteArrayResource(new byte[] {1}), "application/pdf", "a.pdf");

        assertThat(((UploadResult.Failed) gateway.upload(PHONE_NUMBER_ID, file)).failure())
                .isEqualTo(new RetryableFailure(2, "HTTP 503: Service temporarily unavailable"));
        assertThat(((UploadResult.Failed) gateway.upload(PHONE_NUMBER_ID, file)).failure())
                .isInstanceOf(RetryableFailure.class);
        assertThat(((UploadResult.Failed) gateway.upload(PHONE_NUMBER_ID, file)).failure())
                .isEqualTo(new PermanentFailure(131053, "(#131053) Media upload error"));
    }

    @Test
    void anUnreachableWhatsAppIsARetryableUpload() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CloudApiGateway unreachable = new CloudApiGateway("http://127.0.0.1:" + closedPort, "v23.0", TOKEN,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        UploadResult result = unreachable.upload(PHONE_NUMBER_ID,
                new MediaUpload(new ByteArrayResource(new byte[] {1}), "application/pdf", "a.pdf"));

        assertThat(((UploadResult.Failed) result).failure()).isInstanceOf(RetryableFailure.class);
    }

    @Test
    void eachMediaTypeIsSentByItsIdWithACaptionWhereWhatsAppShowsOne() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(answer(200, ACCEPTED));
        }

        gateway.sendMedia(PHONE_NUMBER_ID, media(MessageType.IMAGE, "A peça"), "111", "foto.jpg");
        gateway.sendMedia(PHONE_NUMBER_ID, media(MessageType.DOCUMENT, "Orçamento"), "222", "orcamento.pdf");
        gateway.sendMedia(PHONE_NUMBER_ID, media(MessageType.AUDIO, null), "333", "voz.ogg");
        SendResult video = gateway.sendMedia(PHONE_NUMBER_ID, media(MessageType.VIDEO, null), "444", "video.mp4");

        assertThat(video).isInstanceOf(Accepted.class);
        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "image", "image": {"id": "111", "caption": "A peça"}}
                """));
        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "document", "document": {"id": "222", "caption": "Orçamento", "filename": "orcamento.pdf"}}
                """));
        assertThat(body(server.takeRequest(1, TimeUnit.SECONDS))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "audio", "audio": {"id": "333"}}
                """));
        RecordedRequest last = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(last.getTarget()).isEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(body(last)).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "5511998871234",
                 "type": "video", "video": {"id": "444"}}
                """));
    }

    record Part(okhttp3.Headers headers, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The parts of a multipart request, by name, read with OkHttp's own multipart reader. */
    static Map<String, Part> parts(RecordedRequest request) throws IOException {
        String contentType = request.getHeaders().get("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data");
        String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        Map<String, Part> parts = new LinkedHashMap<>();
        try (okhttp3.MultipartReader reader = new okhttp3.MultipartReader(
                new okio.Buffer().write(request.getBody()), boundary)) {
            for (okhttp3.MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
                String name = part.headers().get("Content-Disposition").replaceAll("^form-data; name=\"([^\"]+)\".*", "$1");
                parts.put(name, new Part(part.headers(), part.body().readByteArray()));
            }
        }
        return parts;
    }

    private static OutboundMessage media(MessageType type, String caption) {
        return new OutboundMessage(7, 1, 2, "5511998871234", type, null, null, null, List.of(), 1, 99L, caption,
                false, null, "Ana");
    }

    // ---------------------------------------------------------------- read status and typing indicator
    // As Meta documents them ("Mark messages as read", "Typing indicators"): {"success":true} is taken;
    // a refusal or an outage is not, and is not tried again.

    private static final String WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";
    private static final String SUCCESS = "{\"success\": true}";
    /** What Meta answers for a message id it does not know (Graph API error 100, invalid parameter). */
    private static final String UNKNOWN_MESSAGE = """
            {"error": {"message": "(#100) Invalid parameter", "type": "OAuthException", "code": 100,
                       "error_data": {"messaging_product": "whatsapp", "details": "Invalid message_id"},
                       "fbtrace_id": "AbCdEf123"}}
            """;

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

    // Replies and reactions: a reply carries context.message_id, a reaction is Meta's "type": "reaction" message.

    private static final String QUOTED = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==";

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

    private static OutboundMessage text(String body) {
        return new OutboundMessage(7, 1, 2, "5511998871234", MessageType.TEXT, body, null, null, List.of(), 1);
    }

    private static OutboundMessage template(String name, List<String> parameters) {
        return new OutboundMessage(7, 1, 2, "5511998871234", MessageType.TEMPLATE, null, name, "pt_BR", parameters, 1);
    }

    private static OutboundMessage template(String name, List<String> parameters, TemplateHeader header) {
        return new OutboundMessage(7, 1, 2, "5511998871234", MessageType.TEMPLATE, null, name, "pt_BR", parameters, 1,
                null, null, false, null, null, header);
    }
}
