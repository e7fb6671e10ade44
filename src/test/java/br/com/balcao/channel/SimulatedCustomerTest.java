package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.SimulatedCustomer.Content;
import br.com.balcao.channel.SimulatedCustomer.Context;
import br.com.balcao.channel.SimulatedWhatsAppMedia.Stored;
import br.com.balcao.tickets.MessageType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's envelopes read as Meta's: every message type has the fields of Meta's documented sample
 * payloads (the media ones are the fixtures under {@code src/test/resources/whatsapp/}, taken from Meta's webhook
 * reference), and the app's parser reads them as it reads Meta's.
 */
class SimulatedCustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Meta's sample of a reply's context (messages webhook reference, "context" object). */
    private static final String META_CONTEXT = """
            {"from": "15551234567", "id": "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI0QzlDOEY0OTRBODY4QjI5RjkA"}
            """;
    /** Meta's sample of a reaction message (reaction messages webhook reference). */
    private static final String META_REACTION = """
            {"from": "16505551234", "id": "wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQUZFQUU5NjZCNTM4RkFBNjBBNwA=",
             "timestamp": "1750275992", "type": "reaction",
             "reaction": {"message_id": "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI0QTRDOUZFQjBCRkZDNDRGNDIA", "emoji": "😀"}}
            """;

    private final WebhookEnvelopeParser parser = new WebhookEnvelopeParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path folder;

    @Test
    void aCustomerWithoutANameSendsNoProfileName() {
        InboundMessage message = parsed(envelope(null, Content.text("Oi"), null));

        assertThat(message.profileName()).isNull();
        assertThat(message.fromWaId()).isEqualTo("5511977771610");
        assertThat(message.text()).isEqualTo("Oi");
    }

    @Test
    void aNamedCustomerSendsTheName() {
        assertThat(parsed(envelope("Ana Lima", Content.text("Oi"), null)).profileName()).isEqualTo("Ana Lima");
    }

    @Test
    void aTextHasTheFieldsOfMetasSample() {
        assertSameFields(message(envelope("Ana", Content.text("Oi"), null)), metaMessage("text.json"));
    }

    @Test
    void aPhotoWithItsCaptionHasTheFieldsOfMetasSampleAndIsReadAsAnImageOfThatFile() {
        Stored photo = store("image/jpeg", "jpeg bytes");
        Map<String, Object> envelope = envelope("Ana", Content.media(photo, " Jaqueta rasgada ", null), null);

        assertSameFields(message(envelope), metaMessage("image.json"));
        InboundMessage read = parsed(envelope);
        assertThat(read.type()).isEqualTo(MessageType.IMAGE);
        assertThat(read.mediaId()).isEqualTo(photo.mediaId()).matches("[0-9]{16}");
        assertThat(read.mediaMimeType()).isEqualTo("image/jpeg");
        assertThat(read.mediaCaption()).isEqualTo("Jaqueta rasgada");
        assertThat(message(envelope).get("image").get("sha256").asString()).isEqualTo(photo.sha256()).hasSize(44);
    }

    @Test
    void aDocumentCarriesItsFileNameAndCaptionAsInMetasSample() {
        Stored invoice = store("application/pdf", "%PDF-1.4");
        Map<String, Object> envelope = envelope("Ana", Content.media(invoice, "Nota fiscal", "nota 1042.pdf"), null);

        assertSameFields(message(envelope), metaMessage("document.json"));
        InboundMessage read = parsed(envelope);
        assertThat(read.type()).isEqualTo(MessageType.DOCUMENT);
        assertThat(read.mediaFileName()).isEqualTo("nota 1042.pdf");
        assertThat(read.mediaCaption()).isEqualTo("Nota fiscal");
    }

    @Test
    void anOggRecordingIsAVoiceNoteAsInMetasSampleAndAudioTakesNoCaption() {
        Stored voice = store("audio/ogg; codecs=opus", "OggS");
        Map<String, Object> envelope = envelope("Ana", Content.media(voice, "ignored", null), null);

        assertSameFields(message(envelope), metaMessage("audio.json"));
        JsonNode audio = message(envelope).get("audio");
        assertThat(audio.get("voice").asBoolean()).isTrue();
        assertThat(audio.get("mime_type").asString()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(parsed(envelope).type()).isEqualTo(MessageType.AUDIO);
    }

    @Test
    void anMp3IsAnAudioFileNotAVoiceNote() {
        JsonNode audio = message(envelope("Ana", Content.media(store("audio/mpeg", "ID3"), null, null), null))
                .get("audio");

        assertThat(audio.get("voice").asBoolean()).isFalse();
    }

    @Test
    void aVideoHasTheFieldsOfMetasSample() {
        Stored video = store("video/mp4", "mp4");

        assertSameFields(message(envelope("Ana", Content.media(video, "Unboxing", null), null)), metaMessage("video.json"));
    }

    @Test
    void aReplyCarriesTheContextOfMetasSample() {
        JsonNode message = message(envelope("Ana", Content.text("Esse mesmo"),
                new Context("5511912345678", "wamid.business.1")));

        assertThat(fields(message.get("context"))).isEqualTo(fields(JSON.readTree(META_CONTEXT)));
        assertThat(message.get("context").get("from").asString()).isEqualTo("5511912345678");
        assertThat(message.get("context").get("id").asString()).isEqualTo("wamid.business.1");
    }

    @Test
    void aReactionAndItsRemovalHaveTheShapeOfMetasSample() {
        JsonNode sample = JSON.readTree(META_REACTION);

        for (String emoji : List.of("👍", "")) {
            JsonNode message = message(envelope("Ana", Content.reaction("wamid.business.1", emoji), null));
            assertSameFields(message, sample);
            assertThat(message.get("reaction").get("message_id").asString()).isEqualTo("wamid.business.1");
            assertThat(message.get("reaction").get("emoji").asString()).isEqualTo(emoji);
        }
    }

    private Stored store(String mimeType, String content) {
        return new SimulatedWhatsAppMedia(folder)
                .store(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), mimeType);
    }

    private static Map<String, Object> envelope(String profileName, Content content, Context context) {
        return SimulatedCustomer.envelope("123456", "5511977771610", profileName, content, context, NOW);
    }

    private InboundMessage parsed(Map<String, Object> envelope) {
        List<WebhookChange> changes = parser.parse(JSON.writeValueAsBytes(envelope));
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).messages()).hasSize(1);
        return changes.get(0).messages().get(0);
    }

    private static JsonNode message(Map<String, Object> envelope) {
        return JSON.valueToTree(envelope).get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0);
    }

    private static JsonNode metaMessage(String fixture) {
        return JSON.readTree(WebhookFixtures.text(fixture))
                .get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0);
    }

    /**
     * The same fields as Meta's message, and in its type's object the same fields but the download {@code url}
     * (which Meta adds for the media endpoint's newer path; the app downloads by id).
     */
    private static void assertSameFields(JsonNode ours, JsonNode meta) {
        assertThat(fields(ours)).isEqualTo(fields(meta));
        String type = meta.get("type").asString();
        Set<String> metaContent = new java.util.TreeSet<>(fields(meta.get(type)));
        metaContent.remove("url");
        assertThat(fields(ours.get(type))).isEqualTo(metaContent);
    }

    private static Set<String> fields(JsonNode node) {
        return new java.util.TreeSet<>(node.propertyNames());
    }
}
