package br.com.balcao.tickets;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The message log of every conversation. */
@Service
public class Conversations {

    private final JdbcTemplate jdbc;

    Conversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a customer's message once: Meta may deliver it again, even at the same moment, and only the
     * first delivery gets an id. Idempotency rests on the unique (number, wamid) constraint.
     */
    @Transactional
    public Optional<Long> storeInbound(IncomingMessage message) {
        return jdbc.query("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, media_id,
                                      media_mime_type, media_file_name, media_caption, latitude, longitude,
                                      wamid, created_at)
                VALUES (?, ?, 'INBOUND', 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (number_id, wamid) DO NOTHING
                RETURNING id
                """, (row, i) -> row.getLong(1),
                message.numberId(), message.contactId(), message.type().name(), message.text(), message.mediaId(),
                message.mediaMimeType(), message.mediaFileName(), message.mediaCaption(), message.latitude(),
                message.longitude(), message.wamid(), Timestamp.from(message.sentAt()))
                .stream().findFirst();
    }
}
