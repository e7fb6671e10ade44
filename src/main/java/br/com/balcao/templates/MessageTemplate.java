package br.com.balcao.templates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A number's Meta template: unique by (number, name, language), with a body whose positional
 * variables are {@code {{1}}}, {@code {{2}}}, ...
 */
@Entity
@Table(name = "message_templates")
class MessageTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long numberId;

    private String name;
    private String language;

    @Enumerated(EnumType.STRING)
    private TemplateCategory category;

    private String body;

    @Enumerated(EnumType.STRING)
    private TemplateStatus status;

    @Column(updatable = false)
    private Instant createdAt;

    /** Meta's id of a template synced from Meta; null for a local one. */
    private String metaTemplateId;

    /** Meta's components (HEADER, BODY, FOOTER, BUTTONS) as Meta answered them. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String components;

    private Instant syncedAt;

    protected MessageTemplate() {
    }

    MessageTemplate(long numberId, String name, String language, TemplateCategory category, String body,
            TemplateStatus status, Instant createdAt) {
        this.numberId = numberId;
        this.name = name;
        this.language = language;
        this.category = category;
        this.body = body;
        this.status = status;
        this.createdAt = createdAt;
    }

    void edit(String name, String language, TemplateCategory category, String body, TemplateStatus status) {
        this.name = name;
        this.language = language;
        this.category = category;
        this.body = body;
        this.status = status;
    }

    /** The template as Meta's list holds it now. */
    void syncFromMeta(MetaTemplate meta, TemplateCategory category, TemplateStatus status, String body, Instant at) {
        this.metaTemplateId = meta.id();
        this.name = meta.name();
        this.language = meta.language();
        this.category = category;
        this.body = body;
        this.status = status;
        this.components = meta.components();
        this.syncedAt = at;
    }

    void changeStatus(TemplateStatus status) {
        this.status = status;
    }

    String getMetaTemplateId() {
        return metaTemplateId;
    }

    Long getId() {
        return id;
    }

    long getNumberId() {
        return numberId;
    }

    String getName() {
        return name;
    }

    String getLanguage() {
        return language;
    }

    String getBody() {
        return body;
    }

    TemplateStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    TemplateView toView() {
        return new TemplateView(id, numberId, name, language, category, body, status, metaTemplateId,
                TemplateLayout.of(components, body));
    }
}
