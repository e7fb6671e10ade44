package br.com.balcao.tickets;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.tickets.TicketEvents.MessageQueued;
import br.com.balcao.tickets.TicketEvents.MessageStatusChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: outbound messages are stored PENDING and sent after commit. Sending claims a message first
 * (a lease: nobody else takes it until the lease ends), so that the immediate send and the sweep of
 * leftovers never send the same message twice, on one instance or several.
 */
@Service
public class OutboundQueue {

    /** How long a claimed message stays with its claimer before the sweep may take it again. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final String RETURNING = """
            RETURNING m.id, m.number_id, m.contact_id, c.wa_id, m.type, m.body, m.template_name,
                      m.template_language, m.template_params::text AS template_params, m.send_attempts,
                      m.media_file_id, m.media_caption, m.voice, m.context_wamid, m.payload::text AS payload,
                      (SELECT u.name FROM app_users u WHERE u.id = m.author_user_id) AS author_name
            """;

    private final JdbcTemplate jdbc;
    private final MessageRepository messages;
    private final ContactDirectory contacts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OutboundQueue(JdbcTemplate jdbc, MessageRepository messages, ContactDirectory contacts, Clock clock,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.contacts = contacts;
        this.clock = clock;
        this.events = events;
    }

    /** Stores an agent's message PENDING, to be sent after commit; returns its id. */
    long queue(Message message) {
        long messageId = messages.save(message).getId();
        queued(message.getNumberId(), message.getContactId(), messageId, message.getTicketId(), message.getCreatedAt());
        return messageId;
    }

    /** A message stored PENDING at {@code at}: it is the contact's latest interaction, and is sent after commit. */
    void queued(long numberId, long contactId, long messageId, Long ticketId, Instant at) {
        contacts.recordInteraction(contactId, at);
        events.publishEvent(new MessageQueued(numberId, contactId, messageId, ticketId));
    }

    /** Claims one message for sending, if it is still PENDING and due. */
    @Transactional
    public Optional<OutboundMessage> claim(long messageId) {
        Instant now = clock.instant();
        return claimWhere("m.id = ? AND m.status = 'PENDING' AND m.next_attempt_at <= ?", now, messageId,
                Timestamp.from(now)).stream().findFirst();
    }

    /** Claims up to {@code limit} due messages, oldest due first, skipping those another sender holds. */
    @Transactional
    public List<OutboundMessage> claimDue(int limit) {
        Instant now = clock.instant();
        return claimWhere("""
                m.id IN (SELECT id FROM messages
                          WHERE status = 'PENDING' AND next_attempt_at <= ?
                          ORDER BY next_attempt_at, id
                          LIMIT ? FOR UPDATE SKIP LOCKED)""", now, Timestamp.from(now), limit);
    }

    /** Leases the messages {@code condition} picks for a send attempt, from {@code now}; returns them to send. */
    private List<OutboundMessage> claimWhere(String condition, Instant now, Object... conditionArgs) {
        Object[] args = new Object[conditionArgs.length + 1];
        args[0] = Timestamp.from(now.plus(LEASE));
        System.arraycopy(conditionArgs, 0, args, 1, conditionArgs.length);
        return jdbc.query("""
                UPDATE messages m SET next_attempt_at = ?, send_attempts = m.send_attempts + 1
                  FROM contacts c
                 WHERE c.id = m.contact_id AND\s""" + condition + "\n" + RETURNING, this::outbound, args);
    }

    /** WhatsApp accepted the message. A status that already arrived for it is not moved back. */
    @Transactional
    public void markSent(long messageId, String wamid) {
        Instant now = clock.instant();
        jdbc.update("""
                UPDATE messages SET wamid = ?, status = 'SENT', sent_at = ?, next_attempt_at = NULL,
                                    error_code = NULL, error_message = NULL
                 WHERE id = ? AND status = 'PENDING'
                """, wamid, Timestamp.from(now), messageId);
        publish(messageId, DeliveryStatus.SENT);
    }

    /** A passing failure (429, 5xx, network): try again at {@code at}. */
    @Transactional
    public void retryAt(long messageId, Instant at, String error) {
        jdbc.update("UPDATE messages SET next_attempt_at = ?, error_message = ? WHERE id = ? AND status = 'PENDING'",
                Timestamp.from(at), error, messageId);
    }

    /** A permanent failure, or the last try failed: the agent sees Meta's error. */
    @Transactional
    public void markFailed(long messageId, Integer errorCode, String error) {
        jdbc.update("""
                UPDATE messages SET status = 'FAILED', error_code = ?, error_message = ?, next_attempt_at = NULL
                 WHERE id = ? AND status = 'PENDING'
                """, errorCode, error, messageId);
        publish(messageId, DeliveryStatus.FAILED);
    }

    /**
     * A FAILED message goes back to the outbox as if just queued: PENDING, due now, attempts from zero, the error
     * cleared. False when it is not FAILED (any more).
     */
    boolean requeue(long messageId) {
        int requeued = jdbc.update("""
                UPDATE messages SET status = 'PENDING', next_attempt_at = ?, send_attempts = 0, error_code = NULL,
                                    error_message = NULL
                 WHERE id = ? AND status = 'FAILED'
                """, Timestamp.from(clock.instant()), messageId);
        if (requeued == 0) {
            return false;
        }
        jdbc.query("SELECT number_id, contact_id, ticket_id FROM messages WHERE id = ?", row -> {
            events.publishEvent(new MessageQueued(row.getLong(1), row.getLong(2), messageId,
                    row.getObject(3, Long.class)));
        }, messageId);
        publish(messageId, DeliveryStatus.PENDING);
        return true;
    }

    private void publish(long messageId, DeliveryStatus status) {
        jdbc.query("SELECT number_id, contact_id FROM messages WHERE id = ?", row -> {
            events.publishEvent(new MessageStatusChanged(row.getLong(1), row.getLong(2), messageId, status));
        }, messageId);
    }

    private OutboundMessage outbound(ResultSet row, int index) throws SQLException {
        String parameters = row.getString("template_params");
        return new OutboundMessage(row.getLong("id"), row.getLong("number_id"), row.getLong("contact_id"),
                row.getString("wa_id"), MessageType.valueOf(row.getString("type")), row.getString("body"),
                row.getString("template_name"), row.getString("template_language"),
                TemplateParams.body(parameters), row.getInt("send_attempts"),
                row.getObject("media_file_id", Long.class), row.getString("media_caption"), row.getBoolean("voice"),
                row.getString("context_wamid"), row.getString("author_name"), TemplateParams.header(parameters),
                SurveyButtons.read(row.getString("payload")));
    }
}
