package br.com.balcao.channel;

import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.Direction;
import br.com.balcao.tickets.MessageType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The conversation as the customer's phone shows it: their own messages with their ticks, the business's
 * messages that reached WhatsApp (a message still waiting or failed never reached the phone), the files of both
 * sides, the message each one replies to, and the reactions.
 */
@Component
@Profile("demo")
record SimulatorThread(JdbcTemplate jdbc) {

    /**
     * The customer's ticks on a message of theirs the app holds: delivered to the business, then read by an agent
     * (the single tick of "sent" shows on the page while the message is on its way).
     */
    public enum Ticks {
        DELIVERED, READ
    }

    /**
     * One message of the thread. {@code mine}: the customer sent it. {@code hasFile}: it names a file, served at
     * {@code /messages/{id}/media}. {@code quotedType} and {@code quoted}: the type and the text (if any) of the
     * message it replies to, when the app holds it; {@code repliesToUnknown} when it does not. Public for the
     * page's expressions.
     */
    public record Bubble(long id, boolean mine, MessageType type, String text, boolean hasFile, String fileName,
            String caption, boolean voice, MessageType quotedType, String quoted, boolean repliesToUnknown, Ticks ticks,
            String businessReaction, String customerReaction, Instant createdAt) {

        public boolean image() {
            return hasFile && (type == MessageType.IMAGE || type == MessageType.STICKER);
        }

        public boolean audio() {
            return hasFile && type == MessageType.AUDIO;
        }

        public boolean video() {
            return hasFile && type == MessageType.VIDEO;
        }

        public boolean document() {
            return hasFile && type == MessageType.DOCUMENT;
        }

        /** The reaction under the bubble: the business's on the customer's message, the customer's on the business's. */
        public String reaction() {
            return mine ? businessReaction : customerReaction;
        }

        /** A media message the app has no file of: the phone shows its type in words. */
        public boolean fileMissing() {
            return !hasFile && (type == MessageType.IMAGE || type == MessageType.AUDIO || type == MessageType.VIDEO
                    || type == MessageType.DOCUMENT);
        }
    }

    /** A business message the customer replies or reacts to: its wamid, and the customer's reaction on it now. */
    record Target(String wamid, String customerReaction) {
    }

    /** The contact's latest messages the phone shows, oldest first. */
    List<Bubble> latest(long contactId, int limit) {
        List<Bubble> newestFirst = jdbc.query("""
                SELECT m.id, m.direction, m.type, m.body, m.media_id IS NOT NULL OR m.media_file_id IS NOT NULL AS has_file,
                       m.media_file_name, m.media_caption, m.voice, m.context_wamid, m.read_receipt_at, m.created_at,
                       q.type AS quoted_type, coalesce(q.body, q.media_caption, q.media_file_name) AS quoted,
                       (SELECT r.emoji FROM message_reactions r WHERE r.message_id = m.id AND %s
                           AND r.status IS DISTINCT FROM 'FAILED') AS business_reaction,
                       (SELECT r.emoji FROM message_reactions r WHERE r.message_id = m.id AND %s) AS customer_reaction
                  FROM messages m
                  LEFT JOIN message_wamids qw ON qw.number_id = m.number_id AND qw.wamid = m.context_wamid
                  LEFT JOIN messages q ON q.id = qw.message_id AND q.created_at = qw.created_at
                 WHERE m.contact_id = ? AND (%s OR m.status IN ('SENT', 'DELIVERED', 'READ'))
                 ORDER BY m.created_at DESC, m.id DESC LIMIT ?
                """.formatted(AuthorType.AGENT.sqlCondition("r.author_type"),
                        AuthorType.CUSTOMER.sqlCondition("r.author_type"), Direction.INBOUND.sqlCondition("m.direction")),
                SimulatorThread::bubble, contactId, limit);
        List<Bubble> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The business's message of this contact that the customer replies or reacts to; 404 for any other. */
    Target target(long contactId, long messageId) {
        return jdbc.query("""
                SELECT m.wamid, (SELECT r.emoji FROM message_reactions r WHERE r.message_id = m.id AND %s) AS reaction
                  FROM messages m
                 WHERE m.id = ? AND m.contact_id = ? AND %s AND m.wamid IS NOT NULL
                """.formatted(AuthorType.CUSTOMER.sqlCondition("r.author_type"),
                        Direction.OUTBOUND.sqlCondition("m.direction")),
                (row, i) -> new Target(row.getString("wamid"), row.getString("reaction")), messageId, contactId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("message " + messageId));
    }

    private static Bubble bubble(ResultSet row, int index) throws SQLException {
        boolean mine = Direction.INBOUND.name().equals(row.getString("direction"));
        Timestamp read = row.getTimestamp("read_receipt_at");
        String contextWamid = row.getString("context_wamid");
        String quotedType = row.getString("quoted_type");
        return new Bubble(row.getLong("id"), mine, MessageType.valueOf(row.getString("type")), row.getString("body"),
                row.getBoolean("has_file"), row.getString("media_file_name"), row.getString("media_caption"),
                row.getBoolean("voice"), quotedType == null ? null : MessageType.valueOf(quotedType),
                row.getString("quoted"), contextWamid != null && quotedType == null,
                !mine ? null : read != null ? Ticks.READ : Ticks.DELIVERED, row.getString("business_reaction"),
                row.getString("customer_reaction"), row.getTimestamp("created_at").toInstant());
    }
}
