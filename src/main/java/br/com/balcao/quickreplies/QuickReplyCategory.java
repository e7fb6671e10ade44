package br.com.balcao.quickreplies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of quick replies; its name (up to 60 characters) is unique regardless of case. */
@Entity
@Table(name = "quick_reply_categories")
class QuickReplyCategory {

    static final int NAME_MAX_LENGTH = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(updatable = false)
    private Instant createdAt;

    protected QuickReplyCategory() {
    }

    QuickReplyCategory(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    void rename(String name) {
        this.name = name;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
