package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.FIRST_PHONE_NUMBER_ID;
import static br.com.balcao.channel.WebhookFixtures.SECOND_PHONE_NUMBER_ID;
import static br.com.balcao.channel.WebhookFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.SharedContact;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookEnvelopeParserTest {

    private static final String FROM = "16505551234";
    private static final String NAME = "Sheena Nelson";
    private static final Instant SENT_AT = Instant.ofEpochSecond(1749416383);
    private static final String STATUS_WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA";

    /** Receives the fixtures a few days after they were sent. */
    private static final Instant RECEIVED_AT = Instant.parse("2025-06-20T12:00:00Z");

    private final WebhookEnvelopeParser parser = new WebhookEnvelopeParser(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC));

    @Test
    void text() {
        assertThat(onlyMessage("text.json")).isEqualTo(InboundMessage.text(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==", FROM, NAME, SENT_AT,
                "Olá! Meu pedido #1042 ainda não chegou."));
    }

    @Test
    void image() {
        assertThat(onlyMessage("image.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", FROM, NAME, SENT_AT,
                MessageType.IMAGE, null, "1003383421387256", "image/jpeg", null, "Black jacket", null, null, null));
    }

    @Test
    void document() {
        assertThat(onlyMessage("document.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUE1QjQxRUUzOEQ4QjNDNUVBAA==", FROM, NAME, SENT_AT,
                MessageType.DOCUMENT, null, "3812371522400264", "application/pdf", "lakeside_invoice.pdf",
                "Lakeside Invoice", null, null, null));
    }

    @Test
    void aVoiceNote() {
        assertThat(onlyMessage("audio.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUE0NjE1MzU1RjJDNkM1RDFBAA==", FROM, NAME, SENT_AT,
                MessageType.AUDIO, null, "1267289021236617", "audio/ogg; codecs=opus", null, null, null, null, null,
                null, null, true));
    }

    @Test
    void anAudioFileIsNoVoiceNote() {
        byte[] file = new String(bytes("audio.json"), StandardCharsets.UTF_8)
                .replace(",\n                  \"voice\": true", "").getBytes(StandardCharsets.UTF_8);
        assertThat(parseOne(file).messages().get(0).voice()).isFalse();
    }

    @Test
    void video() {
        assertThat(onlyMessage("video.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUE3MjBCNjQ3MjQ4RTNBNjg0AA==", FROM, NAME, SENT_AT,
                MessageType.VIDEO, null, "1486927122355843", "video/mp4", null, "Unboxing", null, null, null));
    }

    @Test
    void locationWithItsNameAndAddressAsText() {
        assertThat(onlyMessage("location.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUExRDZGOTk2RTU3QzQ2MjhEAA==", FROM, NAME, SENT_AT,
                MessageType.LOCATION, "MASP\nAv. Paulista, 1578 - Bela Vista, São Paulo - SP",
                null, null, null, null, -23.561414, -46.655881, null));
    }

    @Test
    void aTemplateButtonIsTheTextTappedReplyingToTheMessageThatHadIt() {
        assertThat(onlyMessage("button.json")).isEqualTo(InboundMessage.text(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFDNTMyNTZGQUIwNEY2MEI5AA==", FROM, NAME, SENT_AT,
                "Rastrear pedido").replyingTo("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBIyRjM3OTY0QTk4MDY5RkE4NDcA"));
    }

    @Test
    void interactiveRepliesAreTheTitleTappedAndAButtonsIdIsKept() {
        assertThat(onlyMessage("interactive_button_reply.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUEwRkE4NEQ3QzRCMzk3RTU4AA==", FROM, NAME, SENT_AT, MessageType.TEXT,
                "Sim, confirmar", null, null, null, null, null, null, null,
                "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QjlCMjc3QTVFRjY5RDc3QjkA",
                "{\"button_reply\":{\"id\":\"confirm-yes\",\"title\":\"Sim, confirmar\"}}"));
        assertThat(onlyMessage("interactive_list_reply.json")).isEqualTo(InboundMessage.text(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUEyODQ3QkM3MjcwNDI0NzYzAA==", FROM, NAME, SENT_AT,
                "Priority Express").replyingTo("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0NkU1MDhGRkM2RTFCMjlGMDQA"));
    }

    @Test
    void aStickerIsKeptLikeAnImageByItsMediaId() {
        assertThat(onlyMessage("sticker.json")).isEqualTo(new InboundMessage(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUE5OEUwMTlCOEUwQUIyOTlFAA==", FROM, NAME, SENT_AT,
                MessageType.STICKER, null, "1204829237912083", "image/webp", null, null, null, null, null));
    }

    @Test
    void sharedContactsAreKeptAsWhatsAppSentThem() {
        InboundMessage contacts = onlyMessage("contacts.json");
        assertThat(contacts.type()).isEqualTo(MessageType.CONTACTS);
        assertThat(contacts.text()).isNull();
        assertThat(SharedContact.of(contacts.payload())).containsExactly(new SharedContact("Barbara J. Johnson",
                List.of("+1 (940) 555-1234", "+1 (650) 555-1234")));
    }

    @Test
    void anUnsupportedTypeKeepsTheTypeMetaNamesNotAPlaceholderText() {
        InboundMessage unsupported = onlyMessage("unsupported.json");
        assertThat(unsupported.type()).isEqualTo(MessageType.UNSUPPORTED);
        assertThat(unsupported.text()).isNull();
        assertThat(unsupported.payload()).isEqualTo("{\"type\":\"poll_update\"}");
        InboundMessage unknown = parseOne(value("\"messages\": [" + message("wamid.X",
                "\"type\": \"order\", \"order\": {\"catalog_id\": \"1\"}") + "]")).messages().get(0);
        assertThat(unknown.type()).isEqualTo(MessageType.UNSUPPORTED);
        assertThat(unknown.payload()).isEqualTo("{\"type\":\"order\"}");
    }

    @Test
    void aReplyKeepsTheWamidItQuotes() {
        InboundMessage reply = onlyMessage("text_reply.json");
        assertThat(reply.text()).isEqualTo("Esse pedido mesmo, o de ontem");
        assertThat(reply.contextWamid()).isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==");
        assertThat(onlyMessage("text.json").contextWamid()).isNull();
        InboundMessage badContext = parseOne(value("\"messages\": [" + message("wamid.X",
                "\"context\": {\"id\": 42}, " + TEXT) + "]")).messages().get(0);
        assertThat(badContext.text()).isEqualTo("oi");
        assertThat(badContext.contextWamid()).isNull();
    }

    @Test
    void aReactionIsAMarkOnItsMessageNotAMessage() {
        WebhookChange change = parseOne(bytes("reaction.json"));
        assertThat(change.messages()).isEmpty();
        assertThat(change.reactions()).containsExactly(new InboundReaction(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQjk3RkQ5OUE2MzVFRkM3QjcA", FROM,
                "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==", "👍",
                Instant.ofEpochSecond(1749416500)));
    }

    @Test
    void aReactionWithoutAnEmojiOrWithAnEmptyOneTakesTheReactionBack() {
        assertThat(parseOne(bytes("reaction_removed.json")).reactions()).singleElement()
                .extracting(InboundReaction::emoji).isNull();
        String empty = "\"type\": \"reaction\", \"reaction\": {\"message_id\": \"wamid.A\", \"emoji\": \"\"}";
        assertThat(parseOne(value("\"messages\": [" + message("wamid.X", empty) + "]")).reactions())
                .singleElement().extracting(InboundReaction::emoji).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"reaction\": {\"emoji\": \"👍\"}",
            "\"reaction\": {\"message_id\": 42, \"emoji\": \"👍\"}",
            "\"reaction\": {\"message_id\": \"wamid.A\", \"emoji\": [\"👍\"]}",
            "\"reaction\": \"👍\""})
    void aMalformedReactionIsLeftOutAndTheOtherMessagesAreRead(String reaction) {
        WebhookChange change = parseOne(value("\"messages\": [" + message("wamid.R", "\"type\": \"reaction\", "
                + reaction) + ", " + message("wamid.T", TEXT) + "]"));
        assertThat(change.reactions()).isEmpty();
        assertThat(change.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.T");
    }

    @Test
    void aReactionLongerThanAnEmojiIsLeftOut() {
        String tooLong = "\"type\": \"reaction\", \"reaction\": {\"message_id\": \"wamid.A\", \"emoji\": \""
                + "👍".repeat(40) + "\"}";
        assertThat(parseOne(value("\"messages\": [" + message("wamid.R", tooLong) + "]")).reactions()).isEmpty();
    }

    @Test
    void deliveryStatuses() {
        assertThat(onlyStatus("status_sent.json"))
                .isEqualTo(new StatusUpdate(STATUS_WAMID, DeliveryStatus.SENT, Instant.ofEpochSecond(1750263773), null, null));
        assertThat(onlyStatus("status_delivered.json"))
                .isEqualTo(new StatusUpdate(STATUS_WAMID, DeliveryStatus.DELIVERED, Instant.ofEpochSecond(1750263776), null, null));
        assertThat(onlyStatus("status_read.json"))
                .isEqualTo(new StatusUpdate(STATUS_WAMID, DeliveryStatus.READ, Instant.ofEpochSecond(1750263790), null, null));
    }

    @Test
    void aFailureCarriesMetasErrorWithoutItsRepetitions() {
        assertThat(onlyStatus("status_failed.json")).isEqualTo(new StatusUpdate(STATUS_WAMID, DeliveryStatus.FAILED,
                Instant.ofEpochSecond(1750263781), 131047,
                "Re-engagement message — Message failed to send because more than 24 hours have passed since the"
                        + " customer last replied to this number."));
    }

    @Test
    void everyEntryAndChangeIsReadTemplateStatusesInABranchOfTheirOwn() {
        List<WebhookChange> all = parser.parse(bytes("multiple_entries.json"));

        assertThat(all).extracting(WebhookChange::templateStatus).containsExactly(null,
                new TemplateStatusUpdate("102290129340398", "1689556908129832", "order_update", "pt_BR", "APPROVED",
                        "NONE"), null);
        List<WebhookChange> changes = all.stream().filter(change -> change.templateStatus() == null).toList();
        assertThat(changes).extracting(WebhookChange::phoneNumberId)
                .containsExactly(FIRST_PHONE_NUMBER_ID, SECOND_PHONE_NUMBER_ID);
        assertThat(changes.get(0).messages()).containsExactly(
                InboundMessage.text("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBMDAwMDAwMDAwMDAwMDAxAA==", FROM, NAME,
                        SENT_AT, "Primeira mensagem"),
                InboundMessage.text("wamid.HBgNNTUxMTk5ODg3MTIzNBUCABIYFDNBQUEwMDAwMDAwMDAwMDAwMDAyAA==",
                        "5511998871234", "João Pereira", Instant.ofEpochSecond(1749416384), "Segunda mensagem"));
        assertThat(changes.get(0).statuses()).containsExactly(new StatusUpdate(
                "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJBQUFBMDAwMDAwMDAwMDAwMDEA", DeliveryStatus.DELIVERED,
                Instant.ofEpochSecond(1749416385), null, null));
        assertThat(changes.get(1).messages()).isEmpty();
        assertThat(changes.get(1).statuses()).containsExactly(new StatusUpdate(
                "wamid.HBgNNTUyMTk4ODg3NzY2NhUCABEYEkJCQkIwMDAwMDAwMDAwMDAwMgA=", DeliveryStatus.READ,
                Instant.ofEpochSecond(1749416390), null, null));
    }

    @Test
    void otherWebhookFieldsAndAnUnreadableTemplateStatusAreSkipped() {
        List<WebhookChange> changes = parser.parse("""
                {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [
                  {"field": "account_update", "value": {"event": "VERIFIED_ACCOUNT"}},
                  {"field": "message_template_status_update", "value": {"message_template_id": 1,
                   "message_template_name": "order_update", "message_template_language": "pt_BR"}},
                  {"field": "message_template_status_update", "value": {"event": "PAUSED",
                   "message_template_id": "1689556908129832", "message_template_name": "order_update",
                   "message_template_language": "pt_BR", "reason": null}}]}]}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(changes).extracting(WebhookChange::templateStatus).containsExactly(new TemplateStatusUpdate(
                "102290129340398", "1689556908129832", "order_update", "pt_BR", "PAUSED", null));
    }

    @Test
    void aMessageWithoutAContactHasNoProfileName() {
        WebhookChange change = parseOne(value("""
                "messages": [{"from": "5511998871234", "id": "wamid.X", "timestamp": 1749416383,
                              "type": "text", "text": {"body": "oi"}}]"""));

        assertThat(change.messages()).containsExactly(
                InboundMessage.text("wamid.X", "5511998871234", null, SENT_AT, "oi"));
    }

    @Test
    void statusesThisAppDoesNotTrackAreSkipped() {
        WebhookChange change = parseOne(value("""
                "statuses": [{"id": "wamid.X", "status": "deleted", "timestamp": "1749416383"}]"""));

        assertThat(change.statuses()).isEmpty();
    }

    @Test
    void anEnvelopeWithoutEntriesHasNoChanges() {
        assertThat(parser.parse(utf8("{\"object\": \"whatsapp_business_account\", \"entry\": []}"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void aBodyThatIsNotMetasEnvelopeIsRefused(String body) {
        assertThatThrownBy(() -> parser.parse(utf8(body))).isInstanceOf(MalformedWebhookException.class);
    }

    static Stream<String> malformedBodies() {
        return Stream.of(
                "",
                "not json",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [",
                "{\"object\": \"whatsapp_business_account\", \"entry\": []} trailing",
                "[]",
                "{\"entry\": []}",
                "{\"object\": \"page\", \"entry\": []}",
                "{\"object\": \"whatsapp_business_account\"}",
                "{\"object\": \"whatsapp_business_account\", \"entry\": {}}",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [1]}",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": {}}]}",
                "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"changes\": [{\"field\": \"messages\", \"value\": \"x\"}]}]}",
                value("\"messaging_product\": \"whatsapp\"").replace("\"metadata\"", "\"meta\""),
                value("\"messages\": []").replace("\"" + FIRST_PHONE_NUMBER_ID + "\"", "100000000000001"),
                value("\"messages\": []").replace(FIRST_PHONE_NUMBER_ID, "1000000\\u000000000001"),
                value("\"messages\": {}"),
                value("\"contacts\": {}"),
                value("\"statuses\": \"read\""));
    }

    @ParameterizedTest
    @MethodSource("malformedMessages")
    void aMalformedMessageIsLeftOutAndTheOthersAreRead(String malformed) {
        WebhookChange change = parseOne(value("\"messages\": [" + malformed + ", " + message("wamid.OK", TEXT) + "]"));

        assertThat(change.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.OK");
    }

    static Stream<String> malformedMessages() {
        return Stream.of(
                "\"hello\"",
                message("wamid.X", TEXT).replace("\"id\": \"wamid.X\", ", ""),
                message("wamid.X", TEXT).replace("\"" + FROM + "\"", "\"+55 11\""),
                message("wamid.X", TEXT).replace("1749416383", "yesterday"),
                message("wamid.X", TEXT).replace("\"1749416383\"", "1.749416383E9"),
                message("wamid.X", TEXT).replace("1749416383", "99999999999999999999"),
                message("wamid.X", "\"type\": \"text\", \"text\": {\"body\": 42}"),
                message("wamid.X", "\"type\": \"text\""),
                message("wamid.X", "\"type\": 1"),
                message("wamid.X", "\"type\": \"image\", \"image\": {\"mime_type\": \"image/jpeg\"}"),
                message("wamid.X", "\"type\": \"image\", \"image\": {\"id\": \"1003\\u00003383\"}"),
                message("wamid.X", "\"type\": \"location\", \"location\": {\"latitude\": \"-23.5\", \"longitude\": -46.6}"),
                message("wamid.X", "\"type\": \"interactive\", \"interactive\": {\"type\": \"list_reply\"}"),
                message("", TEXT),
                message("w".repeat(256), TEXT));
    }

    @ParameterizedTest
    @MethodSource("malformedStatuses")
    void aMalformedStatusIsLeftOutAndTheOthersAreRead(String malformed) {
        WebhookChange change = parseOne(value("\"statuses\": [" + malformed + ", "
                + "{\"id\": \"wamid.OK\", \"status\": \"read\", \"timestamp\": \"1749416383\"}]"));

        assertThat(change.statuses()).extracting(StatusUpdate::wamid).containsExactly("wamid.OK");
    }

    static Stream<String> malformedStatuses() {
        return Stream.of(
                "7",
                "{\"id\": \"wamid.X\", \"timestamp\": \"1749416383\"}",
                "{\"id\": \"wamid.X\", \"status\": \"read\"}",
                "{\"id\": \"wamid.X\\u0007\", \"status\": \"read\", \"timestamp\": \"1749416383\"}",
                "{\"id\": \"wamid.X\", \"status\": \"failed\", \"timestamp\": \"1749416383\", \"errors\": {}}",
                "{\"id\": \"wamid.X\", \"status\": \"failed\", \"timestamp\": \"1749416383\","
                        + " \"errors\": [{\"code\": \"131047\"}]}");
    }

    @Test
    void aMalformedContactOnlyLosesItsProfileName() {
        WebhookChange change = parseOne(value("""
                "contacts": [{"wa_id": "%s", "profile": "Ana"}],
                "messages": [%s]""".formatted(FROM, message("wamid.X", TEXT))));

        assertThat(change.messages()).singleElement().extracting(InboundMessage::profileName).isNull();
    }

    /** A NUL or another control character is not dropped from an id: "wamid.A<NUL>B" is not "wamid.AB". */
    @Test
    void anIdWithAControlCharacterIsLeftOutRatherThanRewritten() {
        WebhookChange change = parseOne(value("\"messages\": [" + message("wamid.AB", TEXT) + ", "
                + message("wamid.A\\u0000B", TEXT) + ", " + message("wamid.A\\u001fB", TEXT) + "]"));

        assertThat(change.messages()).extracting(InboundMessage::wamid).containsExactly("wamid.AB");
    }

    @ParameterizedTest
    @ValueSource(longs = {253402300799L, 1_000_000_000_000_000L, Long.MAX_VALUE, 0, -1, 1230767999})
    void aTimestampMoreThanADayAheadOrBefore2009IsReplacedByTheTimeReceivedAndKept(long implausible) {
        WebhookChange change = parseOne(value("\"messages\": [" + message("wamid.X", TEXT)
                .replace("\"1749416383\"", String.valueOf(implausible)) + "], \"statuses\": ["
                + "{\"id\": \"wamid.Y\", \"status\": \"read\", \"timestamp\": \"" + implausible + "\"}]"));

        InboundMessage message = change.messages().get(0);
        assertThat(message.sentAt()).isEqualTo(RECEIVED_AT);
        assertThat(message.implausibleTimestamp()).isEqualTo(implausible);
        assertThat(change.statuses().get(0).at()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void aTimestampUpToADayAheadIsMetasOwn() {
        long dayAhead = RECEIVED_AT.plus(Duration.ofDays(1)).getEpochSecond();
        long since2009 = Instant.parse("2009-01-01T00:00:00Z").getEpochSecond();

        for (long plausible : new long[] {dayAhead, since2009}) {
            InboundMessage message = parseOne(value("\"messages\": [" + message("wamid.X", TEXT)
                    .replace("1749416383", String.valueOf(plausible)) + "]")).messages().get(0);
            assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(plausible));
            assertThat(message.implausibleTimestamp()).isNull();
        }
    }

    private InboundMessage onlyMessage(String fixture) {
        WebhookChange change = parseOne(bytes(fixture));
        assertThat(change.statuses()).isEmpty();
        assertThat(change.messages()).hasSize(1);
        return change.messages().get(0);
    }

    private StatusUpdate onlyStatus(String fixture) {
        WebhookChange change = parseOne(bytes(fixture));
        assertThat(change.messages()).isEmpty();
        assertThat(change.statuses()).hasSize(1);
        return change.statuses().get(0);
    }

    private WebhookChange parseOne(String body) {
        return parseOne(utf8(body));
    }

    private WebhookChange parseOne(byte[] body) {
        List<WebhookChange> changes = parser.parse(body);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).phoneNumberId()).isEqualTo(FIRST_PHONE_NUMBER_ID);
        return changes.get(0);
    }

    /** An envelope with one change whose value holds the metadata and these members. */
    private static String value(String members) {
        return """
                {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
                  "field": "messages",
                  "value": {"metadata": {"display_phone_number": "5511912345678", "phone_number_id": "%s"},
                            %s}}]}]}
                """.formatted(FIRST_PHONE_NUMBER_ID, members);
    }

    private static final String TEXT = "\"type\": \"text\", \"text\": {\"body\": \"oi\"}";

    /** One message of this id (JSON-escaped) and these type members. */
    private static String message(String wamid, String typeMembers) {
        return "{\"from\": \"" + FROM + "\", \"id\": \"" + wamid + "\", \"timestamp\": \"1749416383\", "
                + typeMembers + "}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
