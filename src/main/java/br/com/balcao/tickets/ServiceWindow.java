package br.com.balcao.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * WhatsApp's customer-service window: free text may be sent only within 24 hours of the contact's last
 * message on that number; after that only an approved template.
 */
@Service
public class ServiceWindow {

    public static final Duration LENGTH = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ServiceWindow(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isOpen(long contactId) {
        return closesAt(contactId).map(end -> end.isAfter(clock.instant())).orElse(false);
    }

    /** When the window closes (or closed); empty when the contact never wrote. */
    public Optional<Instant> closesAt(long contactId) {
        return jdbc.query("SELECT last_inbound_at FROM contacts WHERE id = ?",
                        (row, i) -> Optional.ofNullable(row.getTimestamp(1)).map(Timestamp::toInstant), contactId)
                .stream().findFirst().flatMap(last -> last.map(at -> at.plus(LENGTH)));
    }
}
