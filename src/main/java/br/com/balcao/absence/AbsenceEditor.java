package br.com.balcao.absence;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.audit.AuditLog;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.security.UserSummary;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.Phones;
import br.com.balcao.shared.VisibleText;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a number's absence from the page: the switch, the message and the suggested agent (a member of
 * the number, or a free name and phone). Turning it on records who and when; it stays on until turned off.
 */
@Service
@Transactional
class AbsenceEditor {

    static final int MESSAGE_MAX_LENGTH = 1000;
    static final int NAME_MAX_LENGTH = 120;

    private final AbsenceRepository absences;
    private final AuditLog audit;
    private final Clock clock;

    AbsenceEditor(AbsenceRepository absences, AuditLog audit, Clock clock) {
        this.absences = absences;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the form sends; {@code suggestedUserId} null for a free name and phone. */
    record AbsenceForm(boolean active, String message, Long suggestedUserId, String suggestedName,
            String suggestedPhone) {
    }

    /** The form checked and completed: a chosen member's name fills a blank name. */
    record Checked(String message, Long suggestedUserId, String suggestedName, String suggestedPhone) {

        String reply() {
            return AbsenceTexts.reply(message, suggestedName, suggestedPhone);
        }
    }

    @Transactional(readOnly = true)
    Optional<AbsenceView> current(long numberId) {
        return absences.findById(numberId).map(Absence::toView);
    }

    Checked check(AbsenceForm form, List<UserSummary> members) {
        String message = VisibleText.normalize(form.message());
        if (message.length() > MESSAGE_MAX_LENGTH) {
            throw new InvalidInputException("configuration.form.tooLong", label("configuration.absence.message"),
                    MESSAGE_MAX_LENGTH, VisibleText.length(message));
        }
        String name = VisibleText.normalize(form.suggestedName());
        Long userId = form.suggestedUserId();
        if (userId != null) {
            UserSummary member = members.stream().filter(m -> m.id() == userId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("configuration.absence.notAMember"));
            if (name.isEmpty()) {
                name = member.name();
            }
        }
        if (name.length() > NAME_MAX_LENGTH) {
            throw new InvalidInputException("configuration.form.tooLong", label("configuration.absence.name"),
                    NAME_MAX_LENGTH, VisibleText.length(name));
        }
        String phone = form.suggestedPhone() == null ? "" : form.suggestedPhone().strip();
        if (!phone.isEmpty() && (phone.length() > 32 || Phones.parse(phone).isEmpty())) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.absence.phone"));
        }
        return new Checked(message, userId, blankToNull(name), blankToNull(phone));
    }

    AbsenceView save(SignedInUser actor, NumberView number, AbsenceForm form, List<UserSummary> members) {
        long numberId = number.id();
        Checked checked = check(form, members);
        Absence absence = absences.findById(numberId).orElseGet(() -> new Absence(numberId));
        Map<String, Object> before = fields(absence);
        absence.configure(checked.message(), checked.suggestedUserId(), checked.suggestedName(),
                checked.suggestedPhone());
        if (form.active() && !absence.isActive()) {
            absence.start(actor.id(), clock.instant());
        } else if (!form.active()) {
            absence.stop();
        }
        Absence saved = absences.saveAndFlush(absence);
        audit.record(actor, "absence.updated", number.name(), before, fields(saved));
        return saved.toView();
    }

    private static Map<String, Object> fields(Absence absence) {
        return AuditLog.fields("active", absence.isActive(), "message", absence.getMessage(), "suggestedName",
                absence.getSuggestedName(), "suggestedPhone", absence.getSuggestedPhone());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
