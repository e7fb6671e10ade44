package br.com.balcao.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The automation's own messages (after-hours and absence replies): queued like any outbound message. */
@Service
public class AutomationReplies {

    private final JdbcTemplate jdbc;
    private final OutboundQueue outbox;
    private final Clock clock;

    AutomationReplies(JdbcTemplate jdbc, OutboundQueue outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues a text reply outside any ticket; returns the message id. */
    @Transactional
    public long queue(long numberId, long contactId, String text, Automation automation) {
        Timestamp now = Timestamp.from(clock.instant());
        long messageId = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, automation, type, body,
                                      status, next_attempt_at, created_at)
                VALUES (?, ?, 'OUTBOUND', 'AUTOMATION', ?, 'TEXT', ?, 'PENDING', ?, ?)
                RETURNING id
                """, Long.class, numberId, contactId, automation.name(), text, now, now);
        outbox.queued(numberId, contactId, messageId, null, now.toInstant());
        return messageId;
    }

    /** When this automation last wrote to the contact, if ever. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastSent(long contactId, Automation automation) {
        Timestamp last = jdbc.queryForObject(
                "SELECT max(created_at) FROM messages WHERE contact_id = ? AND automation = ?",
                Timestamp.class, contactId, automation.name());
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }
}
