package br.com.balcao.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "app_users")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String email;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Enumerated(EnumType.STRING)
    private AgentStatus status;

    private Instant statusChangedAt;
    private int ticketSlots;
    // Written by AgentStatusService.recordAssignment only: saving a user never writes back a stale value.
    @Column(insertable = false, updatable = false)
    private Instant lastAssignedAt;
    private boolean enabled;

    @Column(updatable = false)
    private Instant createdAt;

    protected UserAccount() {
    }

    UserAccount(String name, String email, String passwordHash, Role role, Instant now) {
        this.name = name;
        this.email = email.toLowerCase(java.util.Locale.ROOT);
        this.passwordHash = passwordHash;
        this.role = role;
        this.status = AgentStatus.OFFLINE;
        this.statusChangedAt = now;
        this.ticketSlots = 5;
        this.enabled = true;
        this.createdAt = now;
    }

    void edit(String name, String email, Role role, int ticketSlots) {
        this.name = name;
        this.email = email.toLowerCase(java.util.Locale.ROOT);
        this.role = role;
        this.ticketSlots = ticketSlots;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    UserSummary toSummary() {
        return new UserSummary(id, name, email, role, enabled, ticketSlots);
    }

    void changeStatus(AgentStatus newStatus, Instant at) {
        this.status = newStatus;
        this.statusChangedAt = at;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    AgentStatus getStatus() {
        return status;
    }

    boolean isEnabled() {
        return enabled;
    }

    SignedInUser toSignedInUser() {
        return new SignedInUser(id, name, email, role);
    }
}
