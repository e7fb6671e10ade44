package br.com.balcao.absence;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The absence module's facade for pages: a number's absence and the reply it sends. */
@Service
@Transactional(readOnly = true)
public class AbsenceSettings {

    private final AbsenceRepository absences;

    AbsenceSettings(AbsenceRepository absences) {
        this.absences = absences;
    }

    /** The number's absence when it is on (for the header banner). */
    public Optional<AbsenceView> active(long numberId) {
        return absences.findById(numberId).filter(Absence::isActive).map(Absence::toView);
    }

    /** The exact text a customer gets while the number's absence is on, with its current settings. */
    public String previewReply(long numberId) {
        return absences.findById(numberId).orElseGet(() -> new Absence(numberId)).reply();
    }
}
