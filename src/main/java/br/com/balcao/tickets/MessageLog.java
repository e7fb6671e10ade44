package br.com.balcao.tickets;

import java.sql.Timestamp;
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

    /** Whether a customer's message is already stored: Meta delivers again what it thinks was not received. */
    public boolean isStored(long numberId, String wamid) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE number_id = ? AND wamid = ?)", Boolean.class,
                numberId, wamid));
    }

    /**
     * Stores a customer's message once, with its ticket (null after hours): Meta may deliver it again, even
     * at the same moment, and only the first delivery gets an id. Idempotency rests on the unique
     * (number, wamid) constraint.
     */
    @Transactional
    public Optional<Long> storeInbound(IncomingMessage message, Long ticketId) {
        return jdbc.query("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, media_id,
                                      media_mime_type, media_file_name, media_caption, latitude, longitude,
                                      wamid, created_at, implausible_timestamp)
                VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (number_id, wamid) DO NOTHING
                RETURNING id
                """, (row, i) -> row.getLong(1),
                message.numberId(), message.contactId(), ticketId, message.type().name(), message.text(),
                message.mediaId(), message.mediaMimeType(), message.mediaFileName(), message.mediaCaption(),
                message.latitude(), message.longitude(), message.wamid(), Timestamp.from(message.sentAt()),
                message.implausibleTimestamp())
                .stream().findFirst();
    }
}
