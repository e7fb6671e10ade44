package br.com.balcao.afterhours;

import br.com.balcao.numbers.NumberRules;
import br.com.balcao.numbers.NumberSnapshot;
import br.com.balcao.numbers.NumberSnapshots;
import br.com.balcao.tickets.Automation;
import br.com.balcao.tickets.AutomationReplies;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of the automation on each inbound message: outside service hours, answer once per
 * after-hours episode and record the contact; no ticket is created then. An episode is the closed
 * period that ends at the number's next opening, so that instant identifies it.
 */
@Service
public class AfterHoursAutomation {

    /** The episode of a number with no opening ahead: it lasts until service hours are configured. */
    static final Instant NO_OPENING_AHEAD = Instant.parse("9999-12-31T00:00:00Z");

    public enum Outcome {
        IN_SERVICE_HOURS,
        AFTER_HOURS;

        /** After hours the ticket engine creates no ticket. */
        public boolean isAfterHours() {
            return this == AFTER_HOURS;
        }
    }

    private final NumberSnapshots numbers;
    private final AutomationReplies replies;
    private final JdbcTemplate jdbc;

    AfterHoursAutomation(NumberSnapshots numbers, AutomationReplies replies, JdbcTemplate jdbc) {
        this.numbers = numbers;
        this.replies = replies;
        this.jdbc = jdbc;
    }

    @Transactional
    public Outcome handle(long numberId, long contactId, String contactName, String phoneE164, String text,
            Instant at) {
        return handle(numbers.byId(numberId), contactId, contactName, phoneE164, text, at);
    }

    @Transactional
    public Outcome handle(NumberSnapshot number, long contactId, String contactName, String phoneE164, String text,
            Instant at) {
        Optional<Instant> nextOpening = number.nextOpening(at);
        if (nextOpening.filter(at::equals).isPresent()) { // open right now
            return Outcome.IN_SERVICE_HOURS;
        }
        NumberRules rules = number.rules();
        long numberId = number.id();
        Instant episode = nextOpening.orElse(NO_OPENING_AHEAD);
        if (startEpisode(rules, contactId, contactName, phoneE164, at, episode)) {
            replies.queue(numberId, contactId, AfterHoursTexts.reply(rules, nextOpening), Automation.AFTER_HOURS);
        } else if (rules.notifyNextOpening() && isReturnRequest(text) && requestReturn(contactId, episode)) {
            replies.queue(numberId, contactId, AfterHoursTexts.RETURN_CONFIRMED, Automation.RETURN_REQUESTED);
        }
        return Outcome.AFTER_HOURS;
    }

    /** Records the contact for this episode; false when it already was (by this or a concurrent message). */
    private boolean startEpisode(NumberRules rules, long contactId, String contactName, String phoneE164,
            Instant at, Instant episode) {
        ReturnRequest returnRequested = rules.notifyNextOpening() ? ReturnRequest.NO : ReturnRequest.UNKNOWN;
        return !jdbc.queryForList("""
                INSERT INTO after_hours_contacts (number_id, contact_id, contact_name, phone, first_contact_at,
                                                  next_opening_at, return_requested)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contact_id, next_opening_at) DO NOTHING
                RETURNING id
                """, Long.class, rules.id(), contactId, contactName, phoneE164, Timestamp.from(at),
                Timestamp.from(episode), returnRequested.name()).isEmpty();
    }

    /** Marks the return as requested; true only for the message that changed it. */
    private boolean requestReturn(long contactId, Instant episode) {
        return jdbc.update("""
                UPDATE after_hours_contacts SET return_requested = 'YES'
                 WHERE contact_id = ? AND next_opening_at = ? AND return_requested <> 'YES'
                """, contactId, Timestamp.from(episode)) == 1;
    }

    private static boolean isReturnRequest(String text) {
        return text != null && text.strip().equals(AfterHoursTexts.RETURN_REQUEST_ANSWER);
    }
}
