package br.com.balcao.tickets;

import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketEvents.ReactionChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emoji reactions on messages: at most one by the customer and one by the business per message (WhatsApp's
 * rule: a new reaction replaces the previous one; an empty emoji takes it back). A customer's reaction is not a
 * message of the timeline but a mark on the message it reacts to, found by its wamid; one to a message this app
 * does not hold is ignored. Meta may deliver a reaction again, or late: an older one never replaces a newer one.
 */
@Service
public class MessageReactions {

    private static final Logger log = LoggerFactory.getLogger(MessageReactions.class);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    MessageReactions(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The customer's reaction {@code emoji} (null or empty: taken back) on the number's message {@code
     * messageWamid}, made at {@code at}. One statement; false when the message is not one this app holds.
     */
    @Transactional
    public boolean recordCustomer(long numberId, String messageWamid, String emoji, String reactionWamid,
                                  Instant at) {
        Timestamp when = Timestamp.from(at);
        List<long[]> target = emoji == null || emoji.isEmpty()
                ? jdbc.query("""
                        WITH target AS (SELECT m.id, m.contact_id FROM message_wamids w
                                         JOIN messages m ON m.id = w.message_id AND m.created_at = w.created_at
                                        WHERE w.number_id = ? AND w.wamid = ?),
                             removed AS (DELETE FROM message_reactions r USING target t
                                          WHERE r.message_id = t.id AND r.author_type = 'CUSTOMER'
                                            AND r.created_at <= ?
                                         RETURNING r.message_id)
                        SELECT t.id, t.contact_id, (SELECT count(*) FROM removed) FROM target t
                        """, (row, i) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
                        numberId, messageWamid, when)
                : jdbc.query("""
                        WITH target AS (SELECT m.id, m.contact_id FROM message_wamids w
                                         JOIN messages m ON m.id = w.message_id AND m.created_at = w.created_at
                                        WHERE w.number_id = ? AND w.wamid = ?),
                             upserted AS (INSERT INTO message_reactions (message_id, number_id, author_type, emoji,
                                                                         wamid, created_at)
                                          SELECT id, ?, 'CUSTOMER', ?, ?, ? FROM target
                                          ON CONFLICT (message_id, author_type) DO UPDATE
                                             SET emoji = EXCLUDED.emoji, wamid = EXCLUDED.wamid,
                                                 created_at = EXCLUDED.created_at
                                           WHERE message_reactions.created_at <= EXCLUDED.created_at
                                             AND (message_reactions.emoji, message_reactions.wamid)
                                                 IS DISTINCT FROM (EXCLUDED.emoji, EXCLUDED.wamid)
                                          RETURNING message_id)
                        SELECT t.id, t.contact_id, (SELECT count(*) FROM upserted) FROM target t
                        """, (row, i) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
                        numberId, messageWamid, numberId, emoji, reactionWamid, when);
        if (target.isEmpty()) {
            log.debug("Reaction {} of number {} is to message {}, which is not held here: ignored", reactionWamid,
                    numberId, messageWamid);
            return false;
        }
        long[] ids = target.get(0);
        if (ids[2] > 0) {
            events.publishEvent(new ReactionChanged(numberId, ids[1], ids[0]));
        }
        return true;
    }

    /** The reactions on each of the messages (a timeline page's), customer's first; absent for none. */
    public Map<Long, List<Reaction>> on(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                SELECT message_id, author_type, emoji, status, error_message FROM message_reactions
                 WHERE message_id = ANY (?) ORDER BY message_id, author_type DESC
                """, (row, i) -> new Reaction(row.getLong(1), AuthorType.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4) == null ? null : DeliveryStatus.valueOf(row.getString(4)), row.getString(5)),
                (Object) messageIds.toArray(Long[]::new))
                .stream().collect(Collectors.groupingBy(Reaction::messageId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The reactions on the contact's message; a message that is not the contact's is not found. */
    public List<Reaction> onMessageOf(long contactId, long messageId) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE id = ? AND contact_id = ?)", Boolean.class,
                messageId, contactId))) {
            throw new NotFoundException("message " + messageId + " of contact " + contactId);
        }
        return jdbc.query("""
                SELECT r.message_id, r.author_type, r.emoji, r.status, r.error_message
                  FROM message_reactions r JOIN messages m ON m.id = r.message_id
                 WHERE m.id = ? AND m.contact_id = ? ORDER BY r.author_type DESC
                """, (row, i) -> new Reaction(row.getLong(1), AuthorType.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4) == null ? null : DeliveryStatus.valueOf(row.getString(4)), row.getString(5)),
                messageId, contactId);
    }

    /**
     * The agent's reaction on a message (already checked to be the customer's, on a ticket the agent serves),
     * stored PENDING and announced to be sent after commit; an empty emoji takes the business's reaction back.
     */
    void byAgent(long numberId, long contactId, String recipientWaId, long messageId, String messageWamid,
                 long agentId, String emoji, Instant at) {
        if (emoji.isEmpty()) {
            if (jdbc.update("DELETE FROM message_reactions WHERE message_id = ? AND author_type = 'AGENT'",
                    messageId) > 0) {
                events.publishEvent(new OutboundReaction(null, numberId, recipientWaId, messageWamid, ""));
                events.publishEvent(new ReactionChanged(numberId, contactId, messageId));
            }
            return;
        }
        Long reactionId = jdbc.queryForObject("""
                INSERT INTO message_reactions (message_id, number_id, author_type, author_user_id, emoji, status,
                                               created_at)
                VALUES (?, ?, 'AGENT', ?, ?, 'PENDING', ?)
                ON CONFLICT (message_id, author_type) DO UPDATE
                   SET author_user_id = EXCLUDED.author_user_id, emoji = EXCLUDED.emoji, status = 'PENDING',
                       wamid = NULL, error_message = NULL, created_at = EXCLUDED.created_at
                RETURNING id
                """, Long.class, messageId, numberId, agentId, emoji, Timestamp.from(at));
        events.publishEvent(new OutboundReaction(reactionId, numberId, recipientWaId, messageWamid, emoji));
        events.publishEvent(new ReactionChanged(numberId, contactId, messageId));
    }

    /** WhatsApp took the business's reaction {@code emoji} (unless it was changed meanwhile). */
    @Transactional
    public void markSent(long reactionId, String emoji, String wamid) {
        result(reactionId, emoji, "SENT", wamid, null);
    }

    /** WhatsApp refused the business's reaction, or could not be reached: the agent sees why. */
    @Transactional
    public void markFailed(long reactionId, String emoji, String error) {
        result(reactionId, emoji, "FAILED", null, error);
    }

    private void result(long reactionId, String emoji, String status, String wamid, String error) {
        jdbc.query("""
                UPDATE message_reactions r SET status = ?, wamid = ?, error_message = ?
                  FROM messages m
                 WHERE r.id = ? AND r.emoji = ? AND r.status = 'PENDING' AND m.id = r.message_id
                RETURNING m.number_id, m.contact_id, m.id
                """, row -> {
                    events.publishEvent(new ReactionChanged(row.getLong(1), row.getLong(2), row.getLong(3)));
                }, status, wamid, error, reactionId, emoji);
    }
}
