package br.com.balcao.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an agent's status history, for metrics and the agents list. */
@Entity
@Table(name = "agent_status_changes")
class AgentStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long userId;

    @Enumerated(EnumType.STRING)
    private AgentStatus status;

    private Instant changedAt;

    protected AgentStatusChange() {
    }

    AgentStatusChange(long userId, AgentStatus status, Instant changedAt) {
        this.userId = userId;
        this.status = status;
        this.changedAt = changedAt;
    }

    AgentStatus getStatus() {
        return status;
    }
}
