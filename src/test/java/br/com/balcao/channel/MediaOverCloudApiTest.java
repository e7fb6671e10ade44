package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.media.VoiceNotes;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Media both ways through the whole app against a stub of the Cloud API that answers with Meta's documented
 * bodies: an agent's file from the composer is uploaded, then sent by its media id through the outbox; what
 * WhatsApp does not accept is refused before anything reaches it; a customer's file is downloaded into the store
 * and served from there once WhatsApp no longer answers.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "balcao.whatsapp.outbound.enabled=true",
        "balcao.whatsapp.outbound.sweep-interval=1h",
        "balcao.whatsapp.outbound.sweep-initial-delay=1h",
        "balcao.whatsapp.outbound.max-attempts=2",
        "balcao.media.fetch-sweep-initial-delay=1h"
})
@Import(MediaOverCloudApiTest.StubbedCloudApi.class)
class MediaOverCloudApiTest {

    private static final String TOKEN = "EAAJB-media-test";
    static final Meta META = new Meta();
    private static final MockWebServer SERVER = started(META);

    @TestConfiguration(proxyBeanMethods = false)
    static class StubbedCloudApi {

        @Bean
        @Primary
        WhatsAppGateway stubbedCloudApi() {
            return new CloudApiGateway(SERVER.url("/").toString(), "v23.0", TOKEN);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired UserDetailsService users;
    @Autowired OutboundDispatcher dispatcher;
    @Autowired CustomerMediaKeeper keeper;
    @Autowired VoiceNotes voiceNotes;

    private final JsonMapper json = JsonMapper.builder().build();
    private long number;
    private String phoneNumberId;
    private long agent;

    @BeforeEach
    void aNumberWithAnAgent() {
        number = data.openNumber("Mídia " + TestData.unique());
        phoneNumberId = data.phoneNumberId(number);
        agent = data.agent(number, "ONLINE");
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    // ------------------------------------------------------------------------------------------- agent's files

    @ParameterizedTest
    @CsvSource({
            "foto.jpg, IMAGE, image/jpeg, A peça chegou assim",
            "orcamento.pdf, DOCUMENT, application/pdf, Segue o orçamento",
            "recado.ogg, AUDIO, audio/ogg, ",
            "video.mp4, VIDEO, video/mp4, Como montar"
    })
    void aFileFromTheComposerIsUploadedThenSentByItsMediaId(String fileName, String type, String mimeType,
            String caption) throws Exception {
        long ticket = ticketInService();
        byte[] content = sample(mimeType, 300_000);

        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        // The browser's type is not what decides: the bytes are.
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .param("caption", caption == null ? "" : caption)
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());

        long message = awaitStatus(ticket, "SENT");
        List<RecordedRequest> requests = META.of(phoneNumberId);
        assertThat(requests).extracting(RecordedRequest::getTarget)
                .containsExactly("/v23.0/" + phoneNumberId + "/media", "/v23.0/" + phoneNumberId + "/messages");
        Map<String, CloudApiGatewayTest.Part> upload = CloudApiGatewayTest.parts(requests.get(0));
        assertThat(upload.get("messaging_product").text()).isEqualTo("whatsapp");
        assertThat(upload.get("type").text()).isEqualTo(mimeType);
        assertThat(upload.get("file").bytes()).isEqualTo(content);
        String mediaId = "media-" + phoneNumberId + "-1";
        String kind = type.toLowerCase();
        String media = caption == null ? "{\"id\": \"%s\"}".formatted(mediaId)
                : type.equals("DOCUMENT")
                ? "{\"id\": \"%s\", \"caption\": \"%s\", \"filename\": \"%s\"}".formatted(mediaId, caption, fileName)
                : "{\"id\": \"%s\", \"caption\": \"%s\"}".formatted(mediaId, caption);
        assertThat(body(requests.get(1))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "%s", "type": "%s", "%s": %s}
                """.formatted(waIdOf(ticket), kind, kind, media)));
        assertThat(jdbc.queryForMap("""
                SELECT m.type, m.media_mime_type, m.media_file_name, f.whatsapp_media_id, f.size_bytes, f.mime_type
                  FROM messages m JOIN media_files f ON f.id = m.media_file_id WHERE m.id = ?
                """, message)).containsEntry("type", type).containsEntry("media_mime_type", mimeType)
                .containsEntry("media_file_name", fileName).containsEntry("whatsapp_media_id", mediaId)
                .containsEntry("size_bytes", (long) content.length).containsEntry("mime_type", mimeType);
        byte[] served = mvc.perform(get("/messages/{id}/media", message).with(user(userOf(agent))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(content);
    }

    @Test
    void aVoiceNoteRecordedInChromiumIsSentAsOggOpusMarkedVoiceAndNothingElseIsOne() throws Exception {
        long ticket = ticketInService();
        byte[] webm;
        try (var in = getClass().getResourceAsStream("/media/voice-note-chromium.webm")) {
            webm = in.readAllBytes();
        }

        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "nota.pdf", "application/pdf", sample("application/pdf", 100)))
                        .param("voice", "true").with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "voice-20261206.webm", "audio/webm;codecs=opus", webm))
                        .param("voice", "true").with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());

        long message = awaitStatus(ticket, "SENT");
        assertThat(jdbc.queryForMap("""
                SELECT m.type, m.voice, f.mime_type, f.duration_seconds FROM messages m
                  JOIN media_files f ON f.id = m.media_file_id WHERE m.id = ?""", message))
                .containsEntry("type", "AUDIO").containsEntry("voice", true)
                .containsEntry("mime_type", "audio/ogg; codecs=opus");
        List<RecordedRequest> requests = META.of(phoneNumberId);
        byte[] uploaded = CloudApiGatewayTest.parts(requests.get(0)).get("file").bytes();
        assertThat(new String(uploaded, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
        assertThat(body(requests.get(1)).path("audio").path("voice").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id = ?", Long.class, number))
                .as("the refused recording left nothing").isEqualTo(1L);
    }

    @Test
    void aFileSentInReplyToTheCustomersMessageQuotesIt() throws Exception {
        long ticket = ticketInService();
        String quoted = "wamid.quoted." + TestData.unique();
        long customerMessage = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, wamid,
                                      created_at)
                SELECT number_id, contact_id, id, 'INBOUND', 'CUSTOMER', 'TEXT', 'A peça veio quebrada', ?, ?
                  FROM tickets WHERE id = ? RETURNING id""", Long.class, quoted,
                Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))), ticket);

        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "troca.pdf", "application/pdf", sample("application/pdf", 500)))
                        .param("replyTo", String.valueOf(customerMessage))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());

        long message = awaitStatus(ticket, "SENT");
        assertThat(jdbc.queryForObject("SELECT context_wamid FROM messages WHERE id = ?", String.class, message))
                .isEqualTo(quoted);
        List<RecordedRequest> requests = META.of(phoneNumberId);
        assertThat(body(requests.get(1)).path("context").path("message_id").stringValue()).isEqualTo(quoted);
    }

    @Test
    void whatWhatsAppWouldRefuseIsRefusedBeforeAnyUploadWithTheReason() throws Exception {
        long ticket = ticketInService();
        byte[] largePicture = sample("image/png", 6 * 1024 * 1024);

        String refusal = mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "print.png", "image/png", largePicture))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        String captionedAudio = mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "voz.ogg", "audio/ogg", sample("audio/ogg", 1000)))
                        .param("caption", "Ouça").param("lang", "en")
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        String program = mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "foto.jpg", "image/jpeg",
                                "MZ\u0090\u0000 not a picture".getBytes(StandardCharsets.ISO_8859_1)))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(refusal).contains("O WhatsApp aceita imagens de até 5 MB; este arquivo tem 6 MB.");
        assertThat(captionedAudio).contains("WhatsApp shows no caption on audio files");
        assertThat(program).contains("O WhatsApp não aceita este tipo de arquivo.");
        assertThat(META.of(phoneNumberId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id = ?", Long.class, number))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                Long.class, ticket)).isZero();
    }

    @Test
    void anotherNumbersTicketIsNotFoundAndNothingIsKept() throws Exception {
        long otherNumber = data.openNumber("Outro " + TestData.unique());
        long foreign = data.ticket(otherNumber, data.contact(otherNumber, "Bia"), "OPEN", data.agent(otherNumber,
                "ONLINE"));

        for (long ticket : new long[] {foreign, Long.MAX_VALUE}) {
            mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                            .file(new MockMultipartFile("file", "nota.pdf", "application/pdf", sample("application/pdf", 100)))
                            .with(user(userOf(agent))).with(csrf()))
                    .andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id IN (?, ?)", Long.class,
                number, otherNumber)).isZero();
    }

    @Test
    void aRefusedSendKeepsNoFile() throws Exception {
        long ticket = ticketInService();
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = (SELECT contact_id FROM tickets WHERE id = ?)",
                Timestamp.from(clock.instant().minus(Duration.ofHours(25))), ticket);

        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "nota.pdf", "application/pdf", sample("application/pdf", 100)))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isConflict());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id = ?", Long.class, number))
                .isZero();
        assertThat(META.of(phoneNumberId)).isEmpty();
    }

    @Test
    void anUploadWhatsAppKeepsFailingIsRetriedThenMarkedFailed() throws Exception {
        META.uploadStatus.put(phoneNumberId, 503);
        long ticket = ticketInService();
        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "nota.pdf", "application/pdf", sample("application/pdf", 2000)))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(10)).until(() -> META.of(phoneNumberId).size() == 1);
        long message = outboundOf(ticket);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT error_message IS NOT NULL FROM messages WHERE id = ?", Boolean.class, message));
        assertThat(statusOf(message)).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(10));
        dispatcher.sweep();

        assertThat(statusOf(message)).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT error_message FROM messages WHERE id = ?", String.class, message))
                .contains("503");
        assertThat(META.of(phoneNumberId)).extracting(RecordedRequest::getTarget)
                .containsExactly("/v23.0/" + phoneNumberId + "/media", "/v23.0/" + phoneNumberId + "/media");
    }

    @Test
    void aSecondAttemptSendsTheFileWhatsAppTookAlreadyWithoutUploadingItAgain() throws Exception {
        META.sendStatus.put(phoneNumberId, new AtomicInteger(1));
        long ticket = ticketInService();
        mvc.perform(multipart("/desk/tickets/{id}/media", ticket)
                        .file(new MockMultipartFile("file", "foto.jpg", "image/jpeg", sample("image/jpeg", 2000)))
                        .with(user(userOf(agent))).with(csrf()))
                .andExpect(status().isNoContent());
        long message = outboundOf(ticket);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT error_message IS NOT NULL FROM messages WHERE id = ?", Boolean.class, message));

        clock.advance(Duration.ofMinutes(10));
        dispatcher.sweep();

        assertThat(statusOf(message)).isEqualTo("SENT");
        List<RecordedRequest> requests = META.of(phoneNumberId);
        assertThat(requests).extracting(RecordedRequest::getTarget).containsExactly(
                "/v23.0/" + phoneNumberId + "/media", "/v23.0/" + phoneNumberId + "/messages",
                "/v23.0/" + phoneNumberId + "/messages");
        assertThat(body(requests.get(2)).path("image").path("id").stringValue())
                .isEqualTo(body(requests.get(1)).path("image").path("id").stringValue())
                .isEqualTo("media-" + phoneNumberId + "-1");
    }

    // --------------------------------------------------------------------------------------- customers' files

    @Test
    void aCustomersPictureIsKeptAndServedFromTheStoreOnceWhatsAppNoLongerHasIt() throws Exception {
        String mediaId = "10033834213" + TestData.unique();
        byte[] picture = sample("image/jpeg", 50_000);
        META.kept.put(mediaId, picture);
        String customer = TestData.waId();
        byte[] webhook = new String(addressedTo("image.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("16505551234", customer)
                .replace("1003383421387256", mediaId)
                .replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", "wamid.media." + mediaId)
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(signedWebhookPost(webhook, IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());

        long message = jdbc.queryForObject("SELECT id FROM messages WHERE number_id = ? AND wamid = ?", Long.class,
                number, "wamid.media." + mediaId);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT media_file_id IS NOT NULL FROM messages WHERE id = ?", Boolean.class, message));
        assertThat(jdbc.queryForMap("""
                SELECT f.size_bytes, f.mime_type, f.whatsapp_media_id FROM messages m
                  JOIN media_files f ON f.id = m.media_file_id WHERE m.id = ?""", message))
                .containsEntry("size_bytes", (long) picture.length).containsEntry("mime_type", "image/jpeg")
                .containsEntry("whatsapp_media_id", mediaId);

        META.kept.remove(mediaId);
        int before = META.requests.size();
        UserDetails user = userOf(agent);
        var answer = mvc.perform(get("/messages/{id}/media", message).with(user(user)))
                .andExpect(status().isOk()).andReturn().getResponse();
        byte[] served = answer.getContentAsByteArray();
        assertThat(answer.getHeaders("Content-Security-Policy"))
                .containsExactly("sandbox; default-src 'none'; img-src 'self'; media-src 'self'");
        assertThat(answer.getContentType()).isEqualTo("image/jpeg");
        assertThat(answer.getHeader("Content-Disposition")).startsWith("inline");
        byte[] firstBytes = mvc.perform(get("/messages/{id}/media", message).header("Range", "bytes=0-9")
                        .with(user(user)))
                .andExpect(status().isPartialContent()).andReturn().getResponse().getContentAsByteArray();

        assertThat(served).isEqualTo(picture);
        assertThat(firstBytes).isEqualTo(Arrays.copyOf(picture, 10));
        assertThat(META.requests.size()).isEqualTo(before);
    }

    @Test
    void aCustomersVoiceNoteIsMarkedVoiceAndKeptWithItsPlayingTime() throws Exception {
        String mediaId = "12672890212" + TestData.unique();
        ByteArrayOutputStream ogg = new ByteArrayOutputStream();
        try (var webm = getClass().getResourceAsStream("/media/voice-note-chromium.webm")) {
            voiceNotes.toOggOpus(webm, "audio/webm;codecs=opus", ogg);
        }
        META.kept.put(mediaId, ogg.toByteArray());
        String wamid = "wamid.voice." + mediaId;
        byte[] webhook = new String(addressedTo("audio.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("16505551234", TestData.waId())
                .replace("1267289021236617", mediaId)
                .replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUE0NjE1MzU1RjJDNkM1RDFBAA==", wamid)
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(signedWebhookPost(webhook, IntegrationTest.WEBHOOK_SECRET)).andExpect(status().isOk());

        long message = jdbc.queryForObject("SELECT id FROM messages WHERE number_id = ? AND wamid = ?", Long.class,
                number, wamid);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                SELECT f.duration_seconds IS NOT NULL FROM messages m LEFT JOIN media_files f ON f.id = m.media_file_id
                 WHERE m.id = ?""", Boolean.class, message));
        assertThat(jdbc.queryForMap("""
                SELECT m.type, m.voice, f.duration_seconds FROM messages m
                  JOIN media_files f ON f.id = m.media_file_id WHERE m.id = ?""", message))
                .containsEntry("type", "AUDIO").containsEntry("voice", true).containsEntry("duration_seconds", 2);
    }

    @Test
    void theSweepKeepsWhatNoDownloadKeptAndLeavesTheLatestToTheirOwn() {
        String mediaId = "20033834213" + TestData.unique();
        META.kept.put(mediaId, sample("application/pdf", 4000));
        long contact = data.contact(number, "Cliente " + TestData.unique());
        long leftover = storedInbound(contact, mediaId, clock.instant().minus(Duration.ofMinutes(30)));
        long latest = storedInbound(contact, mediaId + "9", clock.instant());
        META.kept.put(mediaId + "9", sample("application/pdf", 10));

        keeper.sweep();

        assertThat(jdbc.queryForObject("""
                SELECT f.size_bytes FROM messages m JOIN media_files f ON f.id = m.media_file_id WHERE m.id = ?""",
                Long.class, leftover)).isEqualTo(4000L);
        assertThat(jdbc.queryForObject("SELECT media_file_id FROM messages WHERE id = ?", Long.class, latest)).isNull();
    }

    @Test
    void aFileWhatsAppNoLongerHasIsSweptAFewTimesThenLeftAlone() {
        long contact = data.contact(number, "Cliente " + TestData.unique());
        long gone = storedInbound(contact, "30033834213" + TestData.unique(),
                clock.instant().minus(Duration.ofMinutes(30)));

        for (int sweep = 0; sweep < CustomerMediaKeeper.SWEEP_ATTEMPTS + 2; sweep++) {
            keeper.sweep();
        }

        assertThat(jdbc.queryForMap("SELECT media_file_id, media_fetch_attempts FROM messages WHERE id = ?", gone))
                .containsEntry("media_file_id", null)
                .containsEntry("media_fetch_attempts", CustomerMediaKeeper.SWEEP_ATTEMPTS);
    }

    private long storedInbound(long contact, String mediaId, java.time.Instant at) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, media_id, media_mime_type,
                                      media_file_name, wamid, created_at)
                VALUES (?, ?, 'INBOUND', 'CUSTOMER', 'DOCUMENT', ?, 'application/pdf', 'boleto.pdf', ?, ?) RETURNING id
                """, Long.class, number, contact, mediaId, "wamid.sweep." + mediaId, Timestamp.from(at));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private long ticketInService() {
        long contact = data.contact(number, "Cliente " + TestData.unique());
        long ticket = data.ticket(number, contact, "OPEN", agent);
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofMinutes(5))), contact);
        return ticket;
    }

    private long awaitStatus(long ticket, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND' AND status = ?",
                Long.class, ticket, status) == 1);
        return outboundOf(ticket);
    }

    private long outboundOf(long ticket) {
        return jdbc.queryForObject("SELECT id FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                Long.class, ticket);
    }

    private String statusOf(long message) {
        return jdbc.queryForObject("SELECT status FROM messages WHERE id = ?", String.class, message);
    }

    private String waIdOf(long ticket) {
        return jdbc.queryForObject("SELECT c.wa_id FROM tickets t JOIN contacts c ON c.id = t.contact_id WHERE t.id = ?",
                String.class, ticket);
    }

    private UserDetails userOf(long userId) {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                userId));
    }

    private JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }

    /** A file of the type whose first bytes it starts with, padded to {@code size}. */
    static byte[] sample(String mimeType, int size) {
        byte[] head = switch (mimeType) {
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case "image/png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
            case "application/pdf" -> "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            case "audio/ogg" -> Arrays.copyOf("OggS".getBytes(StandardCharsets.US_ASCII), 36);
            case "video/mp4" -> "\u0000\u0000\u0000\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new IllegalArgumentException(mimeType);
        };
        if (mimeType.equals("audio/ogg")) {
            System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, head, 28, 8);
        }
        byte[] file = new byte[size];
        for (int i = 0; i < size; i++) {
            file[i] = i < head.length ? head[i] : (byte) (i * 7);
        }
        return file;
    }

    private static MockWebServer started(Dispatcher dispatcher) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    /**
     * The Cloud API as Meta documents it: uploads answer {@code {"id": ...}}, sends a wamid, a media id its URL and
     * the URL the file. A number's uploads may be answered with an error status, and its first sends too.
     */
    static final class Meta extends Dispatcher {

        final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
        final Map<String, Integer> uploadStatus = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> sendStatus = new ConcurrentHashMap<>();
        final Map<String, byte[]> kept = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> uploads = new ConcurrentHashMap<>();

        List<RecordedRequest> of(String phoneNumberId) {
            return requests.stream().filter(request -> request.getTarget().startsWith("/v23.0/" + phoneNumberId + "/"))
                    .toList();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String[] path = request.getTarget().split("[/?]");
            if (path.length == 4 && path[3].equals("media")) {
                int status = uploadStatus.getOrDefault(path[2], 200);
                return status != 200 ? answer(status, """
                        {"error": {"message": "Service temporarily unavailable", "type": "OAuthException", "code": 2}}""")
                        : answer(200, "{\"id\": \"media-%s-%d\"}".formatted(path[2],
                        uploads.computeIfAbsent(path[2], key -> new AtomicInteger()).incrementAndGet()));
            }
            if (path.length == 4 && path[3].equals("messages")) {
                AtomicInteger failures = sendStatus.get(path[2]);
                if (failures != null && failures.getAndDecrement() > 0) {
                    return answer(503, """
                            {"error": {"message": "Service temporarily unavailable", "code": 2}}""");
                }
                return answer(200, """
                        {"messaging_product": "whatsapp", "contacts": [{"input": "x", "wa_id": "x"}],
                         "messages": [{"id": "wamid.sent.%s"}]}""".formatted(System.nanoTime()));
            }
            if (path.length == 3 && kept.containsKey(path[2])) {
                return answer(200, """
                        {"messaging_product": "whatsapp", "url": "%s", "mime_type": "image/jpeg",
                         "sha256": "abc", "file_size": %d, "id": "%s"}""".formatted(
                        SERVER.url("/lookaside/?mid=" + path[2]), kept.get(path[2]).length, path[2]));
            }
            if (path.length >= 2 && path[1].equals("lookaside") && kept.containsKey(request.getTarget().replaceAll(".*mid=", ""))) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/jpeg")
                        .body(new okio.Buffer().write(kept.get(request.getTarget().replaceAll(".*mid=", "")))).build();
            }
            return answer(404, "{\"error\": {\"message\": \"Unsupported get request.\", \"code\": 100}}");
        }

        private static MockResponse answer(int status, String body) {
            return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body)
                    .build();
        }
    }
}
