package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signedWebhookPost;
import static br.com.balcao.channel.WebhookFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.MessageReactions;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundQueue;
import br.com.balcao.tickets.OutboundReaction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Replies and reactions, and the message types without a text of their own, from Meta's sample webhooks to what
 * the Desk, Conversations and the ticket's PDF show; the agent's reply quoting a message and reaction.
 */
@IntegrationTest
class RepliesAndReactionsTest {

    /** Just after Meta's sample payloads were sent, so that their timestamps are plausible and the window open. */
    private static final Instant NOW = Instant.ofEpochSecond(1749416383).plus(Duration.ofMinutes(10));
    private static final String QUOTED_WAMID = "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==";
    private static final String ORIGINAL = "Olá! Meu pedido #1042 ainda não chegou.";
    private static final String HOSTILE = "<b>Olá!</b> Meu pedido #1042 ainda não chegou.";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired OutboundQueue outbox;
    @Autowired MessageReactions reactions;
    @Autowired NumberDirectory numbers;

    long number;
    String phoneNumberId;
    long agent;

    @BeforeEach
    void aNumberAndAnAgent() {
        clock.set(NOW);
        number = data.openNumber("Respostas " + TestData.unique());
        phoneNumberId = data.phoneNumberId(number);
        agent = data.agent(number, "OFFLINE");
    }

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void metasContextAndReactionWebhooksShowOnTheDeskInConversationsAndInThePdf() throws Exception {
        receive(fixture("text.json").replace(ORIGINAL, HOSTILE));
        receive(fixture("text_reply.json"));
        receive(fixture("text_reply.json").replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzRDE1QTc2MjVGMzA4NzQ5QTIA",
                "wamid.reply-to-an-old-one").replace(QUOTED_WAMID, "wamid.older-than-what-we-hold"));
        receive(fixture("reaction.json"));
        long ticket = inService();
        long quoted = messageId(QUOTED_WAMID);

        String desk = page(get("/desk/tickets/{id}", ticket));
        String conversation = page(get("/conversations/{id}", contactId()));

        for (String page : List.of(desk, conversation)) {
            assertThat(page).contains("class=\"msg-quote\"", "Sheena Nelson",
                    "&lt;b&gt;Olá!&lt;/b&gt; Meu pedido #1042 ainda não chegou.", "Mensagem não disponível",
                    "href=\"#m" + quoted + "\"");
            assertThat(page).doesNotContain("<b>Olá!</b>");
            assertThat(reactionsOf(page, quoted)).contains("msg-reaction by-customer", "👍");
        }
        assertThat(desk).contains("data-message-reply", "data-message-react", "id=\"reaction-picker\"",
                "id=\"reply-to-strip\"", "name=\"replyTo\"");
        String colleague = mvc.perform(get("/desk/tickets/{id}", ticket).with(user(users.loadUserByUsername(
                        jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                                data.agent(number, "OFFLINE"))))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(colleague).as("no composer, no picker: the ticket is not theirs")
                .doesNotContain("id=\"reaction-picker\"", "id=\"reply-form\"");

        String pdf = pdfText(ticket);
        assertThat(pdf).contains("In reply to Sheena Nelson", "Meu pedido #1042", "In reply to a message not available",
                "Reactions:", "(thumbs up) from the customer");
    }

    @Test
    void stickersContactsAndUnsupportedTypesAreShownNotTheirTypeNames() throws Exception {
        receive(fixture("sticker.json"));
        receive(fixture("contacts.json"));
        receive(fixture("unsupported.json"));
        receive(fixture("location.json"));
        long ticket = inService();
        long sticker = messageId("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUE5OEUwMTlCOEUwQUIyOTlFAA==");

        for (String page : List.of(page(get("/desk/tickets/{id}", ticket)), page(get("/conversations/{id}", contactId())))) {
            assertThat(page).contains("src=\"/messages/" + sticker + "/media\" alt=\"Figurinha\"", "Barbara J. Johnson",
                    "+1 (940) 555-1234", "+1 (650) 555-1234",
                    "Este tipo de mensagem ainda não é suportado — peça ao cliente que envie de outra forma.",
                    "MASP\nAv. Paulista, 1578 - Bela Vista, São Paulo - SP", "-23.561414, -46.655881");
            assertThat(page).doesNotContain("poll_update", "[unsupported", "message.type.");
        }
        String english = page(get("/desk/tickets/{id}", ticket).param("lang", "en"));
        assertThat(english).contains("This message type isn&#39;t supported yet — ask the customer to send it another way.");

        String pdf = pdfText(ticket);
        assertThat(pdf).contains("Sticker", "Contact: Barbara J. Johnson", "This message type isn");
        assertThat(jdbc.queryForObject("SELECT payload->>'type' FROM messages WHERE number_id = ? AND type = 'UNSUPPORTED'",
                String.class, number)).isEqualTo("poll_update");
    }

    @Test
    void aReactionTakenBackWithoutAnEmojiLeavesNone() throws Exception {
        receive(fixture("text.json"));
        receive(fixture("reaction.json"));
        assertThat(customerReactions()).containsExactly("👍");

        receive(fixture("reaction_removed.json"));

        assertThat(customerReactions()).isEmpty();
        long ticket = inService();
        assertThat(reactionsOf(page(get("/desk/tickets/{id}", ticket)), messageId(QUOTED_WAMID)))
                .doesNotContain("msg-reaction");
    }

    @Test
    void conversationsRedrawsAMessagesReactionsAloneAndOnlyForItsContact() throws Exception {
        receive(fixture("text.json"));
        receive(fixture("reaction.json"));
        long message = messageId(QUOTED_WAMID);
        long stranger = data.contact(number, "Outra Pessoa");
        long elsewhere = data.contact(data.number("Invisível " + TestData.unique()), "De outro número");

        assertThat(page(get("/conversations/{contact}/messages/{message}/reactions", contactId(), message)))
                .contains("id=\"reactions-" + message + "\"", "msg-reaction by-customer", "👍");
        mvc.perform(get("/conversations/{contact}/messages/{message}/reactions", stranger, message)
                .with(user(agentUser()))).andExpect(status().isNotFound());
        mvc.perform(get("/conversations/{contact}/messages/{message}/reactions", elsewhere, message)
                .with(user(agentUser()))).andExpect(status().isNotFound());
    }

    @Test
    void aReplayedReactionIsOneAndALateOneDoesNotReplaceANewerOne() throws Exception {
        receive(fixture("text.json"));
        String reaction = fixture("reaction.json");
        receive(reaction);
        receive(reaction);
        receive(reaction);
        assertThat(customerReactions()).containsExactly("👍");

        receive(reaction.replace("👍", "❤️").replace("1749416500", "1749416550")
                .replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQjk3RkQ5OUE2MzVFRkM3QjcA", "wamid.heart"));
        receive(reaction);

        assertThat(customerReactions()).containsExactly("❤️");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ?", Long.class, number))
                .isEqualTo(1);
    }

    @Test
    void aReactionToAMessageNotHeldHereIsIgnored() throws Exception {
        receive(fixture("text.json"));
        receive(fixture("reaction.json").replace(QUOTED_WAMID, "wamid.never-stored-here"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_reactions WHERE number_id = ?", Long.class, number))
                .isZero();
    }

    @Test
    void theAgentsReplyQuotesTheMessageAndIsSentWithItsWamid() throws Exception {
        receive(fixture("text.json"));
        long ticket = inService();
        long quoted = messageId(QUOTED_WAMID);

        String timeline = mvc.perform(reply(ticket, "Já localizei, sai hoje.", quoted))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        long sent = jdbc.queryForObject("SELECT max(id) FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                Long.class, ticket);
        assertThat(jdbc.queryForObject("SELECT context_wamid FROM messages WHERE id = ?", String.class, sent))
                .isEqualTo(QUOTED_WAMID);
        assertThat(timeline).contains("class=\"msg-quote\"", "Sheena Nelson", ORIGINAL);
        Optional<OutboundMessage> claimed = outbox.claim(sent);
        assertThat(claimed).map(OutboundMessage::contextWamid).contains(QUOTED_WAMID);
    }

    @Test
    void aReplyToAnotherNumbersMessageIsNotFoundAndToAnotherContactsOrAnUnsentOneIsRefusedInWords() throws Exception {
        receive(fixture("text.json"));
        long ticket = inService();
        long elsewhere = data.openNumber("Outro " + TestData.unique());
        long foreign = inboundMessage(elsewhere, data.contact(elsewhere, "Fulano"), "wamid.foreign");
        long otherContact = inboundMessage(number, data.contact(number, "Beltrano"), "wamid.other-contact");
        long unsent = agentMessage(ticket, "PENDING", null);
        long before = outboundCount(ticket);

        mvc.perform(reply(ticket, "Oi", foreign)).andExpect(status().isNotFound());
        for (long notQuotable : new long[] {otherContact, unsent}) {
            String refusal = mvc.perform(reply(ticket, "Oi", notQuotable)).andExpect(status().isConflict())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(refusal).contains("Só é possível responder ou reagir a mensagens desta conversa");
        }
        assertThat(outboundCount(ticket)).isEqualTo(before);
    }

    @Test
    void theAgentReactsTheReactionIsSentAndCanBeTakenBack() throws Exception {
        receive(fixture("text.json"));
        long ticket = inService();
        long message = messageId(QUOTED_WAMID);

        String badges = mvc.perform(react(ticket, message, "❤️")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(badges).contains("id=\"reactions-" + message + "\"", "msg-reaction by-business pending", "❤️");
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT emoji, status, author_user_id, wamid FROM message_reactions
                 WHERE message_id = ? AND author_type = 'AGENT'""", message);
        assertThat(row).containsEntry("emoji", "❤️").containsEntry("status", "PENDING")
                .containsEntry("author_user_id", agent);

        List<OutboundReaction> sent = new CopyOnWriteArrayList<>();
        long reactionId = jdbc.queryForObject("SELECT id FROM message_reactions WHERE message_id = ?", Long.class, message);
        new ReactionSender(gateway(sent, new SendResult.Accepted("wamid.reaction")), numbers, reactions, true)
                .send(new OutboundReaction(reactionId, number, "16505551234", QUOTED_WAMID, "❤️"));
        assertThat(sent).singleElement().extracting(OutboundReaction::messageWamid).isEqualTo(QUOTED_WAMID);
        assertThat(jdbc.queryForMap("SELECT status, wamid FROM message_reactions WHERE id = ?", reactionId))
                .containsEntry("status", "SENT").containsEntry("wamid", "wamid.reaction");

        mvc.perform(react(ticket, message, "👍")).andExpect(status().isOk());
        new ReactionSender(gateway(sent, new SendResult.PermanentFailure(131009, "Parameter value is not valid")),
                numbers, reactions, true).send(new OutboundReaction(reactionId, number, "16505551234", QUOTED_WAMID, "👍"));
        assertThat(jdbc.queryForMap("SELECT status, error_message FROM message_reactions WHERE id = ?", reactionId))
                .containsEntry("status", "FAILED").containsEntry("error_message", "Parameter value is not valid");
        assertThat(page(get("/desk/tickets/{id}", ticket))).contains("msg-reaction by-business failed",
                "Reação não enviada: Parameter value is not valid");

        String none = mvc.perform(react(ticket, message, "")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).doesNotContain("msg-reaction ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_reactions WHERE message_id = ?", Long.class, message))
                .isZero();
    }

    @Test
    void aReactionIsRefusedOutsideTheOfferedEmojiOnTheAgentsOwnMessagesAndAfterTheWindow() throws Exception {
        receive(fixture("text.json"));
        long ticket = inService();
        long message = messageId(QUOTED_WAMID);
        long own = agentMessage(ticket, "SENT", "wamid.own");

        assertThat(refused(react(ticket, message, "🍕"))).contains("Escolha uma das reações oferecidas.");
        assertThat(refused(react(ticket, own, "👍"))).contains("Só é possível responder ou reagir");
        clock.advance(Duration.ofDays(2));
        assertThat(refused(react(ticket, message, "👍"))).contains("janela de 24 horas expirou");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_reactions WHERE number_id = ?", Long.class, number))
                .isZero();
    }

    private String refused(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static WhatsAppGateway gateway(List<OutboundReaction> sent, SendResult answer) {
        return new ScriptedGateway() {
            @Override
            public SendResult react(String phoneNumberId, OutboundReaction reaction) {
                sent.add(reaction);
                return answer;
            }
        };
    }

    private String fixture(String name) {
        return new String(addressedTo(name, phoneNumberId), StandardCharsets.UTF_8);
    }

    private void receive(String body) throws Exception {
        mvc.perform(signedWebhookPost(body.getBytes(StandardCharsets.UTF_8), IntegrationTest.WEBHOOK_SECRET))
                .andExpect(status().isOk());
    }

    /** The contact's ticket, in service with the agent. */
    private long inService() {
        return jdbc.queryForObject("""
                UPDATE tickets SET status = 'OPEN', agent_id = ?, assigned_at = ?, first_response_at = ?
                 WHERE number_id = ? RETURNING id""", Long.class, agent, Timestamp.from(NOW), Timestamp.from(NOW),
                number);
    }

    private long contactId() {
        return jdbc.queryForObject("SELECT id FROM contacts WHERE number_id = ? AND wa_id = '16505551234'", Long.class,
                number);
    }

    private long messageId(String wamid) {
        return jdbc.queryForObject("SELECT id FROM messages WHERE number_id = ? AND wamid = ?", Long.class, number, wamid);
    }

    private long inboundMessage(long numberId, long contact, String wamid) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, wamid, created_at)
                VALUES (?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'oi', ?, ?) RETURNING id
                """, Long.class, numberId, contact, wamid, Timestamp.from(NOW));
    }

    /** The agent's text on the ticket, in this status, with this wamid (null: not on WhatsApp yet). */
    private long agentMessage(long ticket, String status, String wamid) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type, body,
                                      status, wamid, created_at)
                SELECT number_id, contact_id, id, 'OUTBOUND', 'AGENT', ?, 'TEXT', 'do atendente', ?, ?, ?
                  FROM tickets WHERE id = ? RETURNING id
                """, Long.class, agent, status, wamid, Timestamp.from(NOW), ticket);
    }

    private long outboundCount(long ticket) {
        return jdbc.queryForObject("SELECT count(*) FROM messages WHERE ticket_id = ? AND direction = 'OUTBOUND'",
                Long.class, ticket);
    }

    private List<String> customerReactions() {
        return jdbc.queryForList("""
                SELECT emoji FROM message_reactions WHERE number_id = ? AND author_type = 'CUSTOMER'""", String.class,
                number);
    }

    /** The reactions element of the message on the page. */
    private static String reactionsOf(String page, long messageId) {
        int start = page.indexOf("id=\"reactions-" + messageId + "\"");
        assertThat(start).as("the reactions of message " + messageId).isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }

    private MockHttpServletRequestBuilder reply(long ticket, String text, long replyTo) {
        return post("/desk/tickets/{id}/messages", ticket).param("text", text).param("replyTo", String.valueOf(replyTo))
                .with(user(agentUser())).with(csrf());
    }

    private MockHttpServletRequestBuilder react(long ticket, long message, String emoji) {
        return post("/desk/tickets/{id}/messages/{message}/reaction", ticket, message).param("emoji", emoji)
                .with(user(agentUser())).with(csrf());
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(agentUser()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String pdfText(long ticket) throws Exception {
        byte[] pdf = mvc.perform(get("/history/{id}/pdf", ticket).param("lang", "en").with(user(agentUser())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private UserDetails agentUser() {
        return users.loadUserByUsername(jdbc.queryForObject("SELECT email FROM app_users WHERE id = ?", String.class,
                agent));
    }
}
