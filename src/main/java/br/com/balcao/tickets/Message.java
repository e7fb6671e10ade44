package br.com.balcao.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One WhatsApp message to or from a contact, in a ticket or (for automations outside one) not.
 * The database's generated {@code content_tsv} search column is deliberately not mapped.
 */
@Entity
@Table(name = "messages")
class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long numberId;

    @Column(updatable = false)
    private long contactId;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private AuthorType authorType;

    @Column(updatable = false)
    private Long authorUserId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Automation automation;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MessageType type;

    private String body;
    private String mediaId;
    private String mediaUrl;
    private String mediaCaption;
    private String mediaFileName;
    private String mediaMimeType;
    private Double latitude;
    private Double longitude;
    private String templateName;
    private String templateLanguage;

    @Column(updatable = false)
    private String contextWamid;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> templateParams;

    private String wamid;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private Integer errorCode;
    private String errorMessage;
    private int sendAttempts;
    private Instant nextAttemptAt;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant sentAt;
    private Instant deliveredAt;
    private Instant readAt;

    protected Message() {
    }

    private Message(long numberId, long contactId, Long ticketId, long agentId, MessageType type, Instant createdAt) {
        this.numberId = numberId;
        this.contactId = contactId;
        this.ticketId = ticketId;
        this.direction = Direction.OUTBOUND;
        this.authorType = AuthorType.AGENT;
        this.authorUserId = agentId;
        this.type = type;
        this.createdAt = createdAt;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = createdAt;
    }

    /**
     * A message an agent writes, pending until the gateway sends it. Customers' messages and automation replies
     * are written by the engine's own statements ({@link MessageLog#storeInbound}, {@link AutomationReplies}).
     */
    static Message byAgent(long numberId, long contactId, Long ticketId, long agentId, MessageType type,
            Instant at) {
        return new Message(numberId, contactId, ticketId, agentId, type, at);
    }

    Message withText(String body) {
        this.body = body;
        return this;
    }

    /** A reply to the message WhatsApp knows as {@code wamid} (null: to none). */
    Message replyingTo(String wamid) {
        this.contextWamid = wamid;
        return this;
    }

    /** A Meta template by name and language with its positional parameters ({{1}}, {{2}}, ...). */
    Message withTemplate(String name, String language, List<String> params) {
        this.templateName = name;
        this.templateLanguage = language;
        this.templateParams = List.copyOf(params);
        return this;
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

    Long getTicketId() {
        return ticketId;
    }

    Direction getDirection() {
        return direction;
    }

    AuthorType getAuthorType() {
        return authorType;
    }

    Long getAuthorUserId() {
        return authorUserId;
    }

    Automation getAutomation() {
        return automation;
    }

    MessageType getType() {
        return type;
    }

    String getBody() {
        return body;
    }

    String getMediaId() {
        return mediaId;
    }

    String getMediaCaption() {
        return mediaCaption;
    }

    String getMediaFileName() {
        return mediaFileName;
    }

    String getMediaMimeType() {
        return mediaMimeType;
    }

    Double getLatitude() {
        return latitude;
    }

    Double getLongitude() {
        return longitude;
    }

    String getTemplateName() {
        return templateName;
    }

    String getTemplateLanguage() {
        return templateLanguage;
    }

    List<String> getTemplateParams() {
        return templateParams == null ? null : List.copyOf(templateParams);
    }

    String getWamid() {
        return wamid;
    }

    DeliveryStatus getStatus() {
        return status;
    }

    Integer getErrorCode() {
        return errorCode;
    }

    String getErrorMessage() {
        return errorMessage;
    }

    int getSendAttempts() {
        return sendAttempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    Instant getDeliveredAt() {
        return deliveredAt;
    }

    Instant getReadAt() {
        return readAt;
    }
}
