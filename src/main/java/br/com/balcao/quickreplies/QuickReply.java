package br.com.balcao.quickreplies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A canned text (title up to 30 characters, text of any length) an agent inserts in a reply. */
@Entity
@Table(name = "quick_replies")
class QuickReply {

    static final int TITLE_MAX_LENGTH = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long categoryId;
    private String title;
    private String body;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    protected QuickReply() {
    }

    QuickReply(long categoryId, String title, String body, Instant createdAt) {
        this.categoryId = categoryId;
        this.title = title;
        this.body = body;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void edit(long categoryId, String title, String body, Instant at) {
        this.categoryId = categoryId;
        this.title = title;
        this.body = body;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    long getCategoryId() {
        return categoryId;
    }

    String getTitle() {
        return title;
    }

    String getBody() {
        return body;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
