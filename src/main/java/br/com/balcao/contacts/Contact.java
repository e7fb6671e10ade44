package br.com.balcao.contacts;

import br.com.balcao.shared.Phones.Phone;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer of one number, identified there by their WhatsApp id. Kept forever. */
@Entity
@Table(name = "contacts")
class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long numberId;

    @Column(updatable = false)
    private String waId;

    private String name;
    private boolean nameEdited;

    @Column(name = "phone_e164")
    private String phoneE164;

    private String phoneDigits;
    private String email;
    private String city;
    private String document;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> extraFields = new LinkedHashMap<>();

    @Column(updatable = false)
    private Instant createdAt;

    // Written by the messages' SQL only (ContactDirectory): an edit never writes back what it read.
    @Column(insertable = false, updatable = false)
    private Instant lastInteractionAt;

    @Column(insertable = false, updatable = false)
    private Instant lastInboundAt;

    protected Contact() {
    }

    /** A contact as WhatsApp first shows it: the profile name and the phone in E.164 ("+5511987654321"). */
    Contact(long numberId, String waId, String profileName, String phoneE164, Instant createdAt) {
        this.numberId = numberId;
        this.waId = waId;
        this.name = profileName;
        this.phoneE164 = phoneE164;
        this.phoneDigits = phoneE164.substring(1);
        this.createdAt = createdAt;
    }

    /**
     * A user's edit, normalised ({@link ContactEdit#normalized()}): the details, and the extra fields (replaced as a
     * whole) when the edit has them. A changed name counts as edited, so WhatsApp's profile name no longer replaces
     * it; clearing the name hands it back to WhatsApp.
     */
    void edit(ContactEdit value) {
        if (!Objects.equals(this.name, value.name())) {
            this.nameEdited = value.name() != null;
        }
        this.name = value.name();
        this.email = value.email();
        this.city = value.city();
        this.document = value.document();
        if (value.extraFields() != null) {
            this.extraFields = new LinkedHashMap<>(value.extraFields());
        }
    }

    /** The phone the contact is reached at; the WhatsApp id stays, as it is how WhatsApp names the conversation. */
    void changePhone(Phone phone) {
        this.phoneE164 = phone.e164();
        this.phoneDigits = phone.digits();
    }

    ContactView view() {
        return new ContactView(id, numberId, name, phoneE164, email, city, document, extraFields, createdAt,
                lastInteractionAt, lastInboundAt);
    }

    Long getId() {
        return id;
    }

    long getNumberId() {
        return numberId;
    }

    String getWaId() {
        return waId;
    }

    String getName() {
        return name;
    }

    boolean isNameEdited() {
        return nameEdited;
    }

    String getPhoneE164() {
        return phoneE164;
    }

    String getPhoneDigits() {
        return phoneDigits;
    }

    String getEmail() {
        return email;
    }

    String getCity() {
        return city;
    }

    String getDocument() {
        return document;
    }

    Map<String, String> getExtraFields() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(extraFields));
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastInteractionAt() {
        return lastInteractionAt;
    }

    Instant getLastInboundAt() {
        return lastInboundAt;
    }
}
