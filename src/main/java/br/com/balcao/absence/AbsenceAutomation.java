package br.com.balcao.absence;

import br.com.balcao.tickets.Automation;
import br.com.balcao.tickets.AutomationReplies;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of the automation on each inbound message: while the number's absence is on, tell the
 * customer and suggest another agent, at most once per contact per 24 hours. The ticket is still created.
 */
@Service
public class AbsenceAutomation {

    static final Duration REPLY_INTERVAL = Duration.ofHours(24);

    private final AbsenceRepository absences;
    private final AutomationReplies replies;
    private final JdbcTemplate jdbc;

    AbsenceAutomation(AbsenceRepository absences, AutomationReplies replies, JdbcTemplate jdbc) {
        this.absences = absences;
        this.replies = replies;
        this.jdbc = jdbc;
    }

    @Transactional
    public void handle(long numberId, long contactId, Instant at) {
        absences.findById(numberId).filter(Absence::isActive).ifPresent(absence -> {
            // Messages of one contact arriving together must not each see "no reply yet".
            jdbc.queryForObject("SELECT id FROM contacts WHERE id = ? FOR UPDATE", Long.class, contactId);
            boolean repliedRecently = replies.lastSent(contactId, Automation.ABSENCE)
                    .filter(last -> last.isAfter(at.minus(REPLY_INTERVAL)))
                    .isPresent();
            if (!repliedRecently) {
                replies.queue(numberId, contactId, absence.reply(), Automation.ABSENCE);
            }
        });
    }
}
