package br.com.balcao.channel;

import static br.com.balcao.channel.MediaOverCloudApiTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template whose header is an image, sent from the active message with a file the agent picks, against a stub
 * of the Cloud API answering Meta's documented bodies: the file is uploaded after commit, then the template is sent
 * naming the upload's id in its header; a file of another kind, or none, is refused before anything is kept.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "balcao.whatsapp.outbound.enabled=true",
        "balcao.whatsapp.outbound.sweep-interval=1h",
        "balcao.whatsapp.outbound.sweep-initial-delay=1h",
        "balcao.whatsapp.outbound.max-attempts=2",
        "balcao.media.fetch-sweep-initial-delay=1h"
})
// The same stub and context as MediaOverCloudApiTest's.
@Import(MediaOverCloudApiTest.StubbedCloudApi.class)
class TemplateHeaderFileOverCloudApiTest {

    private static final MediaOverCloudApiTest.Meta META = MediaOverCloudApiTest.META;
    private static final String PROMO_COMPONENTS = """
            [{"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["4::aW1hZ2UvanBlZw==:ARb"]}},
             {"type": "BODY", "text": "Olá {{1}}, chegou a nova coleção!"},
             {"type": "FOOTER", "text": "Loja Centro"}]
            """;

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired UserDetailsService users;
    @Autowired OutboundDispatcher dispatcher;

    private final JsonMapper json = JsonMapper.builder().build();
    private long number;
    private String phoneNumberId;
    private long agent;
    private long contact;
    private long template;
    private String templateName;

    @BeforeEach
    void aNumberWithAnImageTemplateAndAContactOutsideTheWindow() {
        number = data.openNumber("Cabeçalho " + TestData.unique());
        phoneNumberId = data.phoneNumberId(number);
        agent = data.agent(number, "ONLINE");
        contact = data.contact(number, "Maria");
        jdbc.update("UPDATE contacts SET last_inbound_at = ? WHERE id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(3))), contact);
        templateName = "colecao_" + TestData.unique();
        template = jdbc.queryForObject("""
                INSERT INTO message_templates (number_id, name, language, category, body, status, meta_template_id,
                                               components, synced_at)
                VALUES (?, ?, 'pt_BR', 'MARKETING', 'Olá {{1}}, chegou a nova coleção!', 'APPROVED', ?, ?::jsonb, now())
                RETURNING id""", Long.class, number, templateName, String.valueOf(TestData.unique()),
                PROMO_COMPONENTS);
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void aPickedJpegIsUploadedThenTheTemplateIsSentWithTheUploadsIdInItsHeader() throws Exception {
        byte[] picture = sample("image/jpeg", 120_000);

        send(new MockMultipartFile("headerFile", "colecao.jpg", "image/jpeg", picture), "Maria")
                .andExpect(status().isOk());

        long message = awaitSent();
        List<RecordedRequest> requests = META.of(phoneNumberId);
        assertThat(requests).extracting(RecordedRequest::getTarget)
                .containsExactly("/v23.0/" + phoneNumberId + "/media", "/v23.0/" + phoneNumberId + "/messages");
        Map<String, CloudApiGatewayTest.Part> upload = CloudApiGatewayTest.parts(requests.get(0));
        assertThat(upload.get("messaging_product").text()).isEqualTo("whatsapp");
        assertThat(upload.get("type").text()).isEqualTo("image/jpeg");
        assertThat(upload.get("file").bytes()).isEqualTo(picture);
        String mediaId = "media-" + phoneNumberId + "-1";
        assertThat(body(requests.get(1))).isEqualTo(json.readTree("""
                {"messaging_product": "whatsapp", "to": "%s", "type": "template",
                 "template": {"name": "%s", "language": {"code": "pt_BR"},
                   "components": [{"type": "header", "parameters": [{"type": "image", "image": {"id": "%s"}}]},
                                  {"type": "body", "parameters": [{"type": "text", "text": "Maria"}]}]}}
                """.formatted(waIdOf(contact), templateName, mediaId)));
        assertThat(jdbc.queryForMap("""
                SELECT f.whatsapp_media_id, f.mime_type, f.size_bytes FROM media_files f
                 WHERE f.id = (SELECT (template_params -> 'header' ->> 'mediaFileId')::bigint FROM messages
                                WHERE id = ?)""", message))
                .containsEntry("whatsapp_media_id", mediaId).containsEntry("mime_type", "image/jpeg")
                .containsEntry("size_bytes", (long) picture.length);
    }

    @Test
    void aFileOfAnotherKindOrNoneIsRefusedBeforeAnythingIsKeptOrSent() throws Exception {
        String pdf = send(new MockMultipartFile("headerFile", "catalogo.pdf", "application/pdf",
                sample("application/pdf", 5000)), "Maria").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        String large = send(new MockMultipartFile("headerFile", "colecao.png", "image/png",
                sample("image/png", 6 * 1024 * 1024)), "Maria").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();
        String none = send(null, "Maria").andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(pdf).contains("O cabeçalho deste modelo é uma imagem: escolha um arquivo JPEG ou PNG.");
        assertThat(large).contains("O WhatsApp aceita imagens de até 5 MB; este arquivo tem 6 MB.");
        assertThat(none).contains("Escolha a imagem do cabeçalho (JPEG ou PNG).");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_files WHERE number_id = ?", Long.class, number))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE contact_id = ?", Long.class, contact))
                .isZero();
        assertThat(META.of(phoneNumberId)).isEmpty();
    }

    @Test
    void aWrongKindIsRefusedInEnglishToo() throws Exception {
        String refusal = mvc.perform(multipart("/desk/contacts/{id}/active-messages", contact)
                        .file(new MockMultipartFile("headerFile", "clip.mp4", "video/mp4", sample("video/mp4", 4000)))
                        .param("templateId", String.valueOf(template)).param("values", "Maria").param("lang", "en")
                        .with(user(users.loadUserByUsername(emailOf(agent)))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(refusal).contains("This template&#39;s header is an image: choose a JPEG or PNG file.");
    }

    @Test
    void anUploadThatFailsIsRetriedLikeAMediaMessageThenMarkedFailed() throws Exception {
        META.uploadStatus.put(phoneNumberId, 503);
        send(new MockMultipartFile("headerFile", "colecao.jpg", "image/jpeg", sample("image/jpeg", 2000)), "Maria")
                .andExpect(status().isOk());
        long message = jdbc.queryForObject("SELECT id FROM messages WHERE contact_id = ?", Long.class, contact);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT error_message IS NOT NULL FROM messages WHERE id = ?", Boolean.class, message));
        assertThat(statusOf(message)).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(10));
        dispatcher.sweep();

        assertThat(statusOf(message)).isEqualTo("FAILED");
        assertThat(META.of(phoneNumberId)).extracting(RecordedRequest::getTarget)
                .containsExactly("/v23.0/" + phoneNumberId + "/media", "/v23.0/" + phoneNumberId + "/media");
    }

    private ResultActions send(MockMultipartFile file, String... values) throws Exception {
        var request = multipart("/desk/contacts/{id}/active-messages", contact);
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.param("templateId", String.valueOf(template)).param("values", values)
                .header("HX-Request", "true")
                .with(user(users.loadUserByUsername(emailOf(agent)))).with(csrf()));
    }

    private long awaitSent() {
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.queryForObject(
                "SELECT max(status) FROM messages WHERE contact_id = ? AND direction = 'OUTBOUND'", String.class,
                contact)));
        return jdbc.queryForObject("SELECT id FROM messages WHERE contact_id = ?", Long.class, contact);
    }

    private String statusOf(long message) {
        return jdbc.queryForObject("SELECT status FROM messages WHERE id = ?", String.class, message);
    }

    private String waIdOf(long contactId) {
        return jdbc.queryForObject("SELECT wa_id FROM contacts WHERE id = ?", String.class, contactId);
    }

    private String emailOf(long userId) {
        return jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class, userId);
    }

    private JsonNode body(RecordedRequest request) {
        return json.readTree(request.getBody().utf8());
    }
}
