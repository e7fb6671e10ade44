package br.com.balcao.numbers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Set;

/** A user's place on a number, with what they may do there. */
@Entity
@Table(name = "memberships")
class Membership {

    @EmbeddedId
    private Key key;

    private boolean canReply;
    private boolean canActiveMessage;
    private boolean canContacts;

    protected Membership() {
    }

    Membership(long userId, long numberId, Set<Permission> permissions) {
        this.key = new Key(userId, numberId);
        this.canReply = permissions.contains(Permission.REPLY);
        this.canActiveMessage = permissions.contains(Permission.ACTIVE_MESSAGE);
        this.canContacts = permissions.contains(Permission.CONTACTS);
    }

    long getNumberId() {
        return key.numberId;
    }

    @Embeddable
    record Key(@Column(name = "user_id") long userId, @Column(name = "number_id") long numberId)
            implements Serializable {
    }
}
