package br.com.balcao.absence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A number's absence settings (one row per number, keyed by it) and whether absence is on. */
@Entity
@Table(name = "absences")
class Absence {

    @Id
    private Long numberId;

    private boolean active;
    private String message;
    private Long suggestedUserId;
    private String suggestedName;
    private String suggestedPhone;
    private Instant startedAt;
    private Long startedById;

    protected Absence() {
    }

    /** A number's settings, absence off and no message yet. */
    Absence(long numberId) {
        this.numberId = numberId;
        this.message = "";
    }

    /** The message sent while absent, and the other agent it suggests (all may be null but the message). */
    void configure(String message, Long suggestedUserId, String suggestedName, String suggestedPhone) {
        this.message = message;
        this.suggestedUserId = suggestedUserId;
        this.suggestedName = suggestedName;
        this.suggestedPhone = suggestedPhone;
    }

    void start(long byUserId, Instant at) {
        this.active = true;
        this.startedAt = at;
        this.startedById = byUserId;
    }

    void stop() {
        this.active = false;
    }

    /** The text a customer gets while this absence is on. */
    String reply() {
        return AbsenceTexts.reply(message, suggestedName, suggestedPhone);
    }

    AbsenceView toView() {
        return new AbsenceView(numberId, active, message, suggestedUserId, suggestedName, suggestedPhone, startedAt,
                startedById);
    }

    Long getNumberId() {
        return numberId;
    }

    boolean isActive() {
        return active;
    }

    String getMessage() {
        return message;
    }

    String getSuggestedName() {
        return suggestedName;
    }

    String getSuggestedPhone() {
        return suggestedPhone;
    }
}
