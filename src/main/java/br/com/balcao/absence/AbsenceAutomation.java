package br.com.balcao.absence;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.numbers.NumberSnapshot;
import br.com.balcao.numbers.NumberSnapshots;
import br.com.balcao.tickets.Automation;
import br.com.balcao.tickets.AutomationReplies;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ContactDirectory contacts;

    /** The reply of each number's absence when it is on, as of a version of the number's settings. */
    private final Map<Long, ActiveReply> activeReplies = new ConcurrentHashMap<>();
    private final NumberSnapshots numbers;

    private record ActiveReply(long settingsVersion, Optional<String> reply) {
    }

    AbsenceAutomation(AbsenceRepository absences, NumberSnapshots numbers, AutomationReplies replies,
                      ContactDirectory contacts) {
        this.absences = absences;
        this.numbers = numbers;
        this.replies = replies;
        this.contacts = contacts;
    }

    @Transactional
    public void handle(long numberId, long contactId, Instant at) {
        handle(numbers.byId(numberId), contactId, at);
    }

    @Transactional
    public void handle(NumberSnapshot number, long contactId, Instant at) {
        long numberId = number.id();
        activeReply(number).ifPresent(reply -> {
            // Messages of one contact arriving together must not each see "no reply yet".
            contacts.lock(contactId);
            boolean repliedRecently = replies.lastSent(contactId, Automation.ABSENCE)
                    .filter(last -> last.isAfter(at.minus(REPLY_INTERVAL)))
                    .isPresent();
            if (!repliedRecently) {
                replies.queue(numberId, contactId, reply, Automation.ABSENCE);
            }
        });
    }

    /** Read again only when the number's settings version moved (any change of an absence moves it). */
    private Optional<String> activeReply(NumberSnapshot number) {
        ActiveReply known = activeReplies.get(number.id());
        if (known != null && known.settingsVersion() == number.version()) {
            return known.reply();
        }
        Optional<String> reply = absences.findById(number.id()).filter(Absence::isActive).map(Absence::reply);
        activeReplies.put(number.id(), new ActiveReply(number.version(), reply));
        return reply;
    }
}
