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

/** An agent's request to take over a ticket another agent is serving; one pending per ticket. */
@Entity
@Table(name = "transfer_requests")
class TransferRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private long ticketId;

    @Column(updatable = false)
    private long requesterId;

    @Column(updatable = false)
    private long currentAgentId;

    @Enumerated(EnumType.STRING)
    private TransferStatus status;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant decidedAt;

    protected TransferRequest() {
    }

    TransferRequest(long ticketId, long requesterId, long currentAgentId, Instant createdAt) {
        this.ticketId = ticketId;
        this.requesterId = requesterId;
        this.currentAgentId = currentAgentId;
        this.status = TransferStatus.PENDING;
        this.createdAt = createdAt;
    }

    void accept(Instant at) {
        decide(TransferStatus.ACCEPTED, at);
    }

    void decline(Instant at) {
        decide(TransferStatus.DECLINED, at);
    }

    private void decide(TransferStatus decision, Instant at) {
        if (status != TransferStatus.PENDING) {
            throw new IllegalStateException("Transfer request " + id + " was already " + status);
        }
        this.status = decision;
        this.decidedAt = at;
    }

    Long getId() {
        return id;
    }

    long getTicketId() {
        return ticketId;
    }

    long getRequesterId() {
        return requesterId;
    }

    TransferStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
