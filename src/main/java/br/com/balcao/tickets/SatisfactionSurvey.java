package br.com.balcao.tickets;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.SurveySettings;
import br.com.balcao.tickets.TicketEvents.DetailsChanged;
import br.com.balcao.tickets.TicketEvents.MessageReceived;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The satisfaction survey: when a ticket ends served, the number's question with its reply buttons goes to the
 * customer, once per ticket and only inside the 24-hour window (an interactive message is free-form); the
 * button the customer taps is the ticket's answer. Only the first tap counts.
 */
@Service
public class SatisfactionSurvey {

    /** A ticket lost in the queue, abandoned or continued by a transfer was not served to its end. */
    private static final Set<CloseReason> SURVEYED =
            EnumSet.of(CloseReason.ATTENDANT, CloseReason.CLIENT, CloseReason.CLIENT_INACTIVITY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final NumberDirectory numbers;
    private final ServiceWindow window;
    private final OutboundQueue outbox;
    private final MessageLog messageLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** How long after the comment prompt the customer's first text is taken as the comment. */
    private final Duration commentWindow;

    SatisfactionSurvey(JdbcTemplate jdbc, NumberDirectory numbers, ServiceWindow window, OutboundQueue outbox,
            MessageLog messageLog, ApplicationEventPublisher events, Clock clock,
            @Value("${balcao.survey.comment-window:10m}") Duration commentWindow) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.window = window;
        this.outbox = outbox;
        this.messageLog = messageLog;
        this.events = events;
        this.clock = clock;
        this.commentWindow = commentWindow;
    }

    /** In the closing transaction: the survey is queued with the close, or not at all. */
    @EventListener
    @Transactional
    void onTicketClosed(TicketClosed event) {
        if (!SURVEYED.contains(event.reason())) {
            return;
        }
        SurveySettings survey = numbers.survey(event.numberId());
        if (!survey.enabled()) {
            return;
        }
        long contactId = jdbc.queryForObject("SELECT contact_id FROM tickets WHERE id = ?", Long.class,
                event.ticketId());
        if (!window.isOpen(contactId)) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE tickets SET survey_sent_at = ? WHERE id = ? AND survey_sent_at IS NULL", now,
                event.ticketId()) == 0) {
            return;
        }
        List<ReplyButton> buttons = SurveyButtons.of(event.ticketId(), survey.titles());
        queue(event.numberId(), contactId, event.ticketId(), survey.question(), SurveyButtons.stored(buttons), now);
    }

    /** The survey's own message on its closed ticket, queued in the outbox; {@code payload} holds its buttons. */
    private void queue(long numberId, long contactId, long ticketId, String text, String payload, Timestamp now) {
        long messageId = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, automation, type,
                                      body, payload, status, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'OUTBOUND', 'AUTOMATION', 'SATISFACTION_SURVEY', 'TEXT', ?, ?::jsonb, 'PENDING', ?, ?)
                RETURNING id
                """, Long.class, numberId, contactId, ticketId, text, payload, now, now);
        outbox.queued(numberId, contactId, messageId, ticketId, now.toInstant());
    }

    /**
     * Takes a customer's message that belongs to a survey: a tap on one of its buttons, or the comment asked
     * for after the answer. Either is stored with the surveyed ticket (which stays closed) and opens no ticket.
     * False for any other message, which goes on as usual.
     *
     * @throws DuplicateMessageException when a concurrent delivery of the same message was stored first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean receive(IncomingMessage message) {
        return receiveAnswer(message) || receiveComment(message);
    }

    /**
     * Takes a customer's message that is a tap on a survey button of one of their tickets: it is stored with
     * that ticket, whose answer it becomes unless it has one, and it opens no ticket. False for any other
     * message (free text, another button, a survey of someone else), which goes on as usual.
     *
     * @throws DuplicateMessageException when a concurrent delivery of the same message was stored first
     */
    private boolean receiveAnswer(IncomingMessage message) {
        Optional<SurveyButtons.Tap> tap = SurveyButtons.tap(buttonReplyId(message.payload()));
        if (tap.isEmpty()) {
            return false;
        }
        long ticketId = tap.get().ticketId();
        boolean surveyed = !jdbc.queryForList("""
                SELECT 1 FROM tickets
                 WHERE id = ? AND number_id = ? AND contact_id = ? AND survey_sent_at IS NOT NULL
                """, Integer.class, ticketId, message.numberId(), message.contactId()).isEmpty();
        if (!surveyed) {
            return false;
        }
        storeWith(message, ticketId);
        boolean first = jdbc.update("""
                UPDATE tickets SET satisfaction = ?, satisfaction_answered_at = ?
                 WHERE id = ? AND satisfaction IS NULL
                """, tap.get().answer().name(), Timestamp.from(message.sentAt()), ticketId) == 1;
        String prompt = numbers.survey(message.numberId()).commentPrompt();
        if (first && prompt != null && !prompt.isBlank()) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update("UPDATE tickets SET survey_comment_asked_at = ? WHERE id = ?", now, ticketId);
            queue(message.numberId(), message.contactId(), ticketId, prompt, null, now);
        }
        return true;
    }

    /**
     * The customer's first text within the comment window (balcao.survey.comment-window, 10 minutes) of the comment
     * prompt, while they have no ticket open, is the comment, and stays in the contact's timeline as a message of the
     * surveyed ticket; a later text, a second one, or one once a ticket is open, is an ordinary message. The rule
     * looks at time and order only, never at what the text says.
     */
    private boolean receiveComment(IncomingMessage message) {
        if (message.type() != MessageType.TEXT || message.text() == null || message.text().isBlank()) {
            return false;
        }
        Timestamp since = Timestamp.from(clock.instant().minus(commentWindow));
        List<Long> asked = jdbc.queryForList("""
                UPDATE tickets SET satisfaction_comment = ?
                 WHERE id = (SELECT t.id FROM tickets t
                              WHERE t.contact_id = ? AND t.number_id = ? AND t.survey_comment_asked_at >= ?
                                AND t.satisfaction_comment IS NULL
                              ORDER BY t.survey_comment_asked_at DESC LIMIT 1)
                   AND NOT EXISTS (SELECT 1 FROM tickets o WHERE o.contact_id = ? AND %s)
                RETURNING id
                """.formatted(TicketStatus.sqlUnclosed("o.status")), Long.class, message.text().strip(),
                message.contactId(), message.numberId(), since, message.contactId());
        if (asked.isEmpty()) {
            return false;
        }
        storeWith(message, asked.get(0));
        return true;
    }

    private void storeWith(IncomingMessage message, long ticketId) {
        long messageId = messageLog.storeInbound(message, ticketId)
                .orElseThrow(() -> new DuplicateMessageException(message.wamid()));
        events.publishEvent(new MessageReceived(message.numberId(), message.contactId(), messageId, ticketId));
        events.publishEvent(new DetailsChanged(message.numberId(), message.contactId(), ticketId));
    }

    /** The id of the reply button a message is a tap on ({@code {"button_reply": {"id": ...}}}), or null. */
    private static String buttonReplyId(String payload) {
        if (payload == null) {
            return null;
        }
        String id = JSON.readTree(payload).path("button_reply").path("id").asString(null);
        return id == null || id.isEmpty() ? null : id;
    }
}
