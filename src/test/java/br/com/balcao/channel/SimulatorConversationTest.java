package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.channel.SimulatedCustomer.Content;
import br.com.balcao.channel.SimulatedCustomer.Context;
import br.com.balcao.channel.SimulatedWhatsAppMedia.Stored;
import br.com.balcao.live.LiveEvent;
import br.com.balcao.live.LiveEvents;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.MessagesRead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's side of a conversation in the simulator: what the simulated customer sends lands through the real,
 * signed webhook (photos, documents and voice notes by a media id the app downloads from the simulated WhatsApp),
 * and the thread shows it as the phone would, with the ticks, the business's files and reactions. The demo's
 * context, as {@link SimulatorAccessTest}'s; on a number of its own.
 */
@IntegrationTest
@ActiveProfiles("demo")
class SimulatorConversationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    UserDetailsService users;

    @Autowired
    SimulatedWhatsAppMedia files;

    @Autowired
    ChannelProperties properties;

    private long number;
    private String phoneNumberId;
    private String waId;
    private UserDetails admin;

    @BeforeEach
    void customer() {
        number = data.openNumber("Simulada");
        phoneNumberId = data.phoneNumberId(number);
        waId = TestData.waId();
        admin = users.loadUserByUsername("admin@demo.local");
    }

    @Test
    void aPhotoADocumentAndAVoiceNoteLandWithTheirFilesWhichTheAppDownloadsFromTheSimulatedWhatsApp() throws Exception {
        byte[] jpeg = "jpeg of a torn jacket".getBytes(StandardCharsets.UTF_8);
        Stored photo = files.store(new ByteArrayInputStream(jpeg), "image/jpeg");
        Stored invoice = files.store(new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.UTF_8)),
                "application/pdf");
        Stored voice = files.store(new ByteArrayInputStream("OggS".getBytes(StandardCharsets.UTF_8)),
                "audio/ogg; codecs=opus");

        String photoWamid = deliver(Content.media(photo, "Chegou rasgada", null), null);
        String invoiceWamid = deliver(Content.media(invoice, "Nota", "nota 1042.pdf"), null);
        String voiceWamid = deliver(Content.media(voice, null, null), null);

        assertThat(stored(photoWamid)).containsEntry("type", "IMAGE").containsEntry("media_id", photo.mediaId())
                .containsEntry("media_caption", "Chegou rasgada").containsEntry("media_mime_type", "image/jpeg");
        assertThat(stored(invoiceWamid)).containsEntry("type", "DOCUMENT")
                .containsEntry("media_file_name", "nota 1042.pdf").containsEntry("media_caption", "Nota");
        assertThat(stored(voiceWamid)).containsEntry("type", "AUDIO").containsEntry("media_id", voice.mediaId());

        long photoMessage = (long) stored(photoWamid).get("id");
        mvc.perform(get("/messages/{id}/media", photoMessage).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(jpeg));
    }

    @Test
    void aReplyQuotesTheBusinessesMessageAndAReactionShowsOnItUntilTakenBack() throws Exception {
        deliver(Content.text("Oi"), null);
        String business = businessMessage("SENT", "Qual o número do pedido?");

        String reply = deliver(Content.text("É o 1042"), new Context("551130001000", business));
        long businessId = jdbc.queryForObject("SELECT id FROM messages WHERE wamid = ?", Long.class, business);

        assertThat(stored(reply)).containsEntry("body", "É o 1042").containsEntry("context_wamid", business);
        assertThat(thread()).contains("<div class=\"bubble-quote\">Qual o número do pedido?</div>");

        deliver(Content.reaction(business, "👍"), null);
        assertThat(jdbc.queryForList("SELECT emoji FROM message_reactions WHERE message_id = ? AND author_type = 'CUSTOMER'",
                String.class, businessId)).containsExactly("👍");
        assertThat(thread()).contains("<span class=\"bubble-reaction\">👍</span>");

        deliver(Content.reaction(business, ""), null);
        assertThat(jdbc.queryForList("SELECT emoji FROM message_reactions WHERE message_id = ? AND author_type = 'CUSTOMER'",
                String.class, businessId)).isEmpty();
    }

    @Test
    void theThreadShowsTheCustomersFilesWithTicksTurningBlueAndTheBusinessesMessagesThatReachedThePhone()
            throws Exception {
        Stored photo = files.store(new ByteArrayInputStream(new byte[] {1, 2, 3}), "image/png");
        long photoMessage = (long) stored(deliver(Content.media(photo, "<b>foto</b>", null), null)).get("id");
        String business = businessMessage("DELIVERED", "Recebemos, obrigado");
        long businessId = jdbc.queryForObject("SELECT id FROM messages WHERE wamid = ?", Long.class, business);
        businessMessage("PENDING", "Ainda na fila");
        businessMessage("FAILED", "Nunca chegou");

        String thread = thread();
        assertThat(thread)
                .contains("src=\"/messages/" + photoMessage + "/media\"")
                .contains("&lt;b&gt;foto&lt;/b&gt;")
                .contains("Recebemos, obrigado").contains("data-reply=\"" + businessId + "\"")
                .doesNotContain("Ainda na fila").doesNotContain("Nunca chegou")
                .contains("bi-check2-all").doesNotContain("ticks-read");

        jdbc.update("UPDATE messages SET read_receipt_at = ? WHERE id = ?", Timestamp.from(clock.instant()),
                photoMessage);
        long agent = data.agent(number, "ONLINE");
        jdbc.update("""
                INSERT INTO message_reactions (message_id, number_id, author_type, author_user_id, emoji, status, created_at)
                VALUES (?, ?, 'AGENT', ?, '❤️', 'SENT', ?)
                """, photoMessage, number, agent, Timestamp.from(clock.instant()));

        assertThat(thread()).contains("ticks ticks-read").contains("<span class=\"bubble-reaction\">❤️</span>");
    }

    @Test
    void theCustomersReadReceiptsReachTheSimulatorsStreamSoThatTheTicksTurnBlueWhileTheyLook(
            @Autowired LiveEvents live, @Autowired ApplicationEventPublisher publisher,
            @Autowired TransactionTemplate transaction) throws Exception {
        Map<String, Object> message = stored(deliver(Content.text("Alguém aí?"), null));
        long contact = (long) message.get("contact_id");
        long ticket = (long) message.get("ticket_id");
        List<LiveEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = live.subscribe(event -> {
            if (event.numberId() == number && SimulatorReadTicks.KIND.equals(event.kind())) {
                heard.add(event);
            }
        })) {
            transaction.executeWithoutResult(status -> publisher.publishEvent(
                    new MessagesRead(number, ticket, List.of((String) message.get("wamid")))));

            await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
        }
        assertThat(heard.get(0).contactId()).isEqualTo(contact);
        assertThat(heard.get(0).ticketId()).isEqualTo(ticket);
    }

    @Test
    void aFileWhatsAppDoesNotCarryIsRefusedWithItsReasonAndNothingIsSent() throws Exception {
        deliver(Content.text("Oi"), null);
        long messagesBefore = messages();
        long filesBefore = keptFiles();

        assertRefused(new MockMultipartFile("file", "animacao.gif", "image/gif", new byte[] {1}), "",
                "O WhatsApp não envia arquivos desse tipo");
        assertRefused(new MockMultipartFile("file", "grande.jpg", "image/jpeg", new byte[5 * 1024 * 1024 + 1]), "",
                "Arquivo grande demais: o WhatsApp aceita até 5 MB");
        assertRefused(new MockMultipartFile("file", "vazio.pdf", "application/pdf", new byte[0]), "",
                "Escolha um arquivo.");
        assertRefused(new MockMultipartFile("file", "nota.pdf", "application/pdf", new byte[] {1}), "x".repeat(1025),
                "Escreva uma legenda de até 1.024 caracteres.");
        mvc.perform(multipart("/simulator/files").file(new MockMultipartFile("file", "voice.webm", "audio/webm",
                                "not a recording".getBytes(StandardCharsets.UTF_8)))
                        .param("numberId", String.valueOf(number)).param("phone", "+" + waId).param("voice", "true")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(
                        "A gravação não é um áudio Opus que o WhatsApp envie como mensagem de voz.")));

        assertThat(messages()).isEqualTo(messagesBefore);
        assertThat(keptFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anEmojiThatIsNotOfferedIsRefusedAndAMessageOfAnotherNumberOrCustomerIsNotFound() throws Exception {
        deliver(Content.text("Oi"), null);
        long business = jdbc.queryForObject("SELECT id FROM messages WHERE wamid = ?", Long.class,
                businessMessage("SENT", "Olá"));
        long otherNumber = data.openNumber("Outra");
        long otherContact = data.contact(otherNumber, "Outra cliente");
        long elsewhere = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, status, wamid, created_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', 'De outro número', 'SENT', ?, ?) RETURNING id
                """, Long.class, otherNumber, otherContact, "wamid.other." + TestData.unique(),
                Timestamp.from(clock.instant()));

        String refused = mvc.perform(post("/simulator/reactions").param("numberId", String.valueOf(number))
                        .param("phone", "+" + waId).param("messageId", String.valueOf(business)).param("emoji", "🤡")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Escolha uma das reações oferecidas.");

        mvc.perform(post("/simulator/reactions").param("numberId", String.valueOf(number)).param("phone", "+" + waId)
                        .param("messageId", String.valueOf(elsewhere)).param("emoji", "👍")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/simulator/messages").param("numberId", String.valueOf(number)).param("phone", "+" + waId)
                        .param("replyTo", String.valueOf(elsewhere)).param("text", "Esse")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/simulator/reactions").param("numberId", String.valueOf(number))
                        .param("phone", "+" + TestData.waId()).param("messageId", String.valueOf(business))
                        .param("emoji", "👍").with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private void assertRefused(MockMultipartFile file, String caption, String reason) throws Exception {
        String thread = mvc.perform(multipart("/simulator/files").file(file)
                        .param("numberId", String.valueOf(number)).param("phone", "+" + waId).param("name", "Ana")
                        .param("caption", caption).with(user(admin)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(thread).as(file.getOriginalFilename()).contains("alert-danger").contains(reason);
    }

    /** The simulator's envelope of this customer's message, signed and posted to the webhook; its wamid. */
    private String deliver(Content content, Context context) throws Exception {
        Map<String, Object> envelope = SimulatedCustomer.envelope(phoneNumberId, waId, "Ana", content, context,
                clock.instant());
        byte[] body = JSON.writeValueAsBytes(envelope);
        mvc.perform(signedWebhookPost(body, properties.appSecret())).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(1));
        return JSON.readTree(body).at("/entry/0/changes/0/value/messages/0/id").asString();
    }

    /** A message of the business to this customer, in this delivery status; its wamid. */
    private String businessMessage(String status, String text) {
        long contact = jdbc.queryForObject("SELECT id FROM contacts WHERE number_id = ? AND wa_id = ?", Long.class,
                number, waId);
        String wamid = "wamid.business." + TestData.unique();
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, status, wamid, created_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', ?, ?, ?, ?)
                """, number, contact, text, status, wamid, Timestamp.from(clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        return wamid;
    }

    private Map<String, Object> stored(String wamid) {
        return jdbc.queryForMap("SELECT * FROM messages WHERE number_id = ? AND wamid = ?", number, wamid);
    }

    private String thread() throws Exception {
        return mvc.perform(get("/simulator/thread").param("numberId", String.valueOf(number)).param("phone", "+" + waId)
                        .with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long messages() {
        return jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ?", Long.class, number);
    }

    private long keptFiles() throws IOException {
        Path folder = properties.simulated().mediaFolder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> kept = Files.list(folder)) {
            return kept.count();
        }
    }
}
