package br.com.balcao.afterhours;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A contact who wrote while the number was closed, once per closed period: the period is named by the
 * service hour that ends it ({@code nextOpeningAt}).
 */
@Entity
@Table(name = "after_hours_contacts")
class AfterHoursContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long numberId;

    @Column(updatable = false)
    private long contactId;

    /** The name and phone as they were when the contact wrote. */
    private String contactName;
    private String phone;

    @Column(updatable = false)
    private Instant firstContactAt;

    @Column(updatable = false)
    private Instant nextOpeningAt;

    @Enumerated(EnumType.STRING)
    private ReturnRequest returnRequested;

    private Instant activeMessageSentAt;
    private Long activeMessageSentById;

    protected AfterHoursContact() {
    }

    AfterHoursContact(long numberId, long contactId, String contactName, String phone, Instant firstContactAt,
            Instant nextOpeningAt, ReturnRequest returnRequested) {
        this.numberId = numberId;
        this.contactId = contactId;
        this.contactName = contactName;
        this.phone = phone;
        this.firstContactAt = firstContactAt;
        this.nextOpeningAt = nextOpeningAt;
        this.returnRequested = returnRequested;
    }

    void answerReturnRequest(boolean wantsReturn) {
        this.returnRequested = wantsReturn ? ReturnRequest.YES : ReturnRequest.NO;
    }

    void recordActiveMessage(long byUserId, Instant at) {
        this.activeMessageSentAt = at;
        this.activeMessageSentById = byUserId;
    }

    Long getId() {
        return id;
    }

    long getNumberId() {
        return numberId;
    }

    long getContactId() {
        return contactId;
    }

    String getContactName() {
        return contactName;
    }

    String getPhone() {
        return phone;
    }

    Instant getFirstContactAt() {
        return firstContactAt;
    }

    Instant getNextOpeningAt() {
        return nextOpeningAt;
    }

    ReturnRequest getReturnRequested() {
        return returnRequested;
    }

    boolean isActiveMessageSent() {
        return activeMessageSentAt != null;
    }

    Instant getActiveMessageSentAt() {
        return activeMessageSentAt;
    }

    Long getActiveMessageSentById() {
        return activeMessageSentById;
    }
}
