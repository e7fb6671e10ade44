package br.com.balcao.tickets;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The message log of every conversation. */
@Service
public class MessageLog {

    private final JdbcTemplate jdbc;

    MessageLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The messages that those of {@code messageIds} reply to (a timeline page's), in one statement, by the replying
     * message's id; a message replying to nothing is absent, one replying to a message not held here is there,
     * not {@linkplain QuotedMessage#available() available}.
     */
    @Transactional(readOnly = true)
    public Map<Long, QuotedMessage> quotedBy(Collection<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, QuotedMessage> quoted = new HashMap<>();
        jdbc.query("""
                SELECT m.id, q.id AS quoted_id, q.author_type, q.type, q.body, q.media_caption, q.media_file_name,
                       CASE WHEN q.author_type = 'CUSTOMER' THEN c.name ELSE u.name END AS author_name
                  FROM messages m
                  LEFT JOIN message_wamids qw ON qw.number_id = m.number_id AND qw.wamid = m.context_wamid
                  LEFT JOIN messages q ON q.id = qw.message_id AND q.created_at = qw.created_at
                  LEFT JOIN app_users u ON u.id = q.author_user_id
                  LEFT JOIN contacts c ON c.id = q.contact_id
                 WHERE m.id = ANY (?) AND m.context_wamid IS NOT NULL
                """, row -> {
                    String type = row.getString("type");
                    String text = row.getString("body");
                    if (text == null) {
                        text = row.getString("media_caption") != null ? row.getString("media_caption")
                                : row.getString("media_file_name");
                    }
                    quoted.put(row.getLong("id"), new QuotedMessage(row.getLong("id"),
                            row.getObject("quoted_id", Long.class),
                            type == null ? null : AuthorType.valueOf(row.getString("author_type")),
                            row.getString("author_name"), type == null ? null : MessageType.valueOf(type),
                            QuotedMessage.firstLineOf(text)));
                }, (Object) messageIds.toArray(Long[]::new));
        return quoted;
    }

    /** Whether a customer's message is already stored: Meta delivers again what it thinks was not received. */
    public boolean isStored(long numberId, String wamid) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM message_wamids WHERE number_id = ? AND wamid = ?)", Boolean.class,
                numberId, wamid));
    }

    /**
     * Stores a customer's message once, with its ticket (null after hours): Meta may deliver it again, even
     * at the same moment, and only the first delivery gets an id. Idempotency rests on message_wamids' key
     * (number, wamid): the messages' trigger claims it in the same statement and skips the row when it is taken,
     * whichever month the first delivery was stored in (V21).
     */
    @Transactional
    public Optional<Long> storeInbound(IncomingMessage message, Long ticketId) {
        return jdbc.query("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, media_id,
                                      media_mime_type, media_file_name, media_caption, latitude, longitude,
                                      wamid, created_at, implausible_timestamp, context_wamid, payload, voice)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                RETURNING id
                """, (row, i) -> row.getLong(1),
                message.numberId(), message.contactId(), ticketId, message.type().name(), message.text(),
                message.mediaId(), message.mediaMimeType(), message.mediaFileName(), message.mediaCaption(),
                message.latitude(), message.longitude(), message.wamid(), Timestamp.from(message.sentAt()),
                message.implausibleTimestamp(), message.contextWamid(), message.payload(), message.voice())
                .stream().findFirst();
    }

    /** A sweep could not keep the customer's file of this message; after a few such sweeps it is left alone. */
    @Transactional
    public void recordMediaFetchFailed(long messageId) {
        jdbc.update("UPDATE messages SET media_fetch_attempts = media_fetch_attempts + 1 WHERE id = ?", messageId);
    }

    /**
     * The customer's file of an inbound media message is kept by the app now. False when another download kept it
     * first (the message keeps that one).
     */
    @Transactional
    public boolean attachMediaFile(long messageId, long mediaFileId) {
        return jdbc.update("""
                UPDATE messages SET media_file_id = ?
                 WHERE id = ? AND direction = 'INBOUND' AND media_file_id IS NULL
                """, mediaFileId, messageId) == 1;
    }
}
