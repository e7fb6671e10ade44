package br.com.balcao.contacts;

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

    private Instant lastInteractionAt;
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

    /** A user's edit; a changed name counts as edited, so WhatsApp's profile name no longer replaces it. */
    void edit(String name, String email, String city, String document, Map<String, String> extraFields) {
        if (!Objects.equals(this.name, name)) {
            this.nameEdited = true;
        }
        this.name = name;
        this.email = email;
        this.city = city;
        this.document = document;
        this.extraFields = new LinkedHashMap<>(extraFields);
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
