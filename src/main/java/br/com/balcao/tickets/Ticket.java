package br.com.balcao.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** One conversation of a contact with the number, from the queue to its close. */
@Entity
@Table(name = "tickets")
class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long numberId;

    @Column(updatable = false)
    private long contactId;

    /** The per-number sequential number shown as "#1042". */
    @Column(updatable = false)
    private long ticketNumber;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    private CloseReason closeReason;

    private Long agentId;

    @Column(updatable = false)
    private Long parentTicketId;

    @Column(updatable = false)
    private boolean openedByActiveMessage;

    @ManyToMany
    @JoinTable(name = "ticket_tags",
            joinColumns = @JoinColumn(name = "ticket_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new LinkedHashSet<>();

    @Column(updatable = false)
    private Instant createdAt;

    private Instant assignedAt;
    private Instant firstResponseAt;
    private Instant closedAt;
    private Instant lastCustomerMessageAt;

    @Version
    private long version;

    protected Ticket() {
    }

    /** A new ticket entering the queue. */
    Ticket(long numberId, long contactId, long ticketNumber, Instant createdAt) {
        this(numberId, contactId, ticketNumber, null, false, createdAt);
    }

    /**
     * A new ticket entering the queue, continuing {@code parentTicketId} after a transfer (or null), or
     * opened by an agent's active message.
     */
    Ticket(long numberId, long contactId, long ticketNumber, Long parentTicketId, boolean openedByActiveMessage,
            Instant createdAt) {
        this.numberId = numberId;
        this.contactId = contactId;
        this.ticketNumber = ticketNumber;
        this.parentTicketId = parentTicketId;
        this.openedByActiveMessage = openedByActiveMessage;
        this.status = TicketStatus.WAITING;
        this.createdAt = createdAt;
    }

    /** A waiting ticket goes to the agent, who has not answered yet. */
    void assign(long agentId, Instant at) {
        this.agentId = agentId;
        this.status = TicketStatus.ASSIGNED;
        this.assignedAt = at;
    }

    /** The agent's first answer puts an assigned ticket in service; later answers change nothing here. */
    void recordAgentResponse(Instant at) {
        if (status == TicketStatus.ASSIGNED) {
            this.firstResponseAt = at;
            this.status = TicketStatus.OPEN;
        }
    }

    /** An agent's active message to a queued or assigned ticket: it becomes theirs, and this is its first answer. */
    void takeIntoService(long agentId, Instant at) {
        if (status == TicketStatus.WAITING) {
            assign(agentId, at);
        }
        recordAgentResponse(at);
    }

    void close(CloseReason reason, Instant at) {
        this.status = TicketStatus.CLOSED;
        this.closeReason = reason;
        this.closedAt = at;
    }

    /** The agent closes the ticket with the tags they chose, which replace those it had. */
    void closeByAgent(Collection<Tag> chosen, Instant at) {
        tags.clear();
        tags.addAll(chosen);
        close(CloseReason.ATTENDANT, at);
    }

    /**
     * Closes this ticket as TRANSFERRED and answers the one that continues it, assigned to the agent, without
     * the tags. Save this one first: the database allows the new one only once this one is closed.
     */
    Ticket transferTo(long toAgentId, long nextTicketNumber, Instant at) {
        close(CloseReason.TRANSFERRED, at);
        Ticket next = new Ticket(numberId, contactId, nextTicketNumber, id, false, at);
        next.assign(toAgentId, at);
        return next;
    }

    /** Whether the agent serves this ticket now. */
    boolean servedBy(long agentId) {
        return status.withAgent() && this.agentId != null && this.agentId == agentId;
    }

    boolean isClosed() {
        return status == TicketStatus.CLOSED;
    }

    /** Answers whether the ticket did not carry it yet. */
    boolean addTag(Tag tag) {
        return tags.add(tag);
    }

    /** Answers whether the ticket carried it. */
    boolean removeTag(long tagId) {
        return tags.removeIf(tag -> tag.getId() == tagId);
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

    long getTicketNumber() {
        return ticketNumber;
    }

    TicketStatus getStatus() {
        return status;
    }

    CloseReason getCloseReason() {
        return closeReason;
    }

    Long getAgentId() {
        return agentId;
    }

    Long getParentTicketId() {
        return parentTicketId;
    }

    boolean isOpenedByActiveMessage() {
        return openedByActiveMessage;
    }

    Set<Tag> getTags() {
        return Collections.unmodifiableSet(tags);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getAssignedAt() {
        return assignedAt;
    }

    Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    long getVersion() {
        return version;
    }
}
