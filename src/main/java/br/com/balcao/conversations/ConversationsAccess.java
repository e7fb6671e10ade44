package br.com.balcao.conversations;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose contacts a user may look up here: an agent those of the numbers where they have CONTACTS; managers
 * and admins those of every number they see. Everything else goes through {@link AccessPolicy}.
 */
@Component
class ConversationsAccess {

    private final AccessPolicy access;
    private final NumberDirectory numbers;
    private final ContactDirectory contacts;

    ConversationsAccess(AccessPolicy access, NumberDirectory numbers, ContactDirectory contacts) {
        this.access = access;
        this.numbers = numbers;
        this.contacts = contacts;
    }

    List<NumberView> searchableNumbers() {
        SignedInUser user = access.currentUser();
        List<NumberView> visible = access.visibleNumbers();
        if (user.isManager()) {
            return visible;
        }
        Map<Long, Set<Permission>> permissions = numbers.permissionsOf(user.id());
        return visible.stream()
                .filter(number -> permissions.getOrDefault(number.id(), Set.of()).contains(Permission.CONTACTS))
                .toList();
    }

    /** The contact, when its number is visible (404 otherwise) and searchable by the user (403 otherwise). */
    ContactView contact(long contactId) {
        ContactView contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact"));
        access.requireVisible(contact.numberId());
        if (!access.currentUser().isManager() && !access.can(contact.numberId(), Permission.CONTACTS)) {
            throw new AccessDeniedException("missing CONTACTS on number " + contact.numberId());
        }
        return contact;
    }

    SignedInUser user() {
        return access.currentUser();
    }

    boolean can(long numberId, Permission permission) {
        return access.can(numberId, permission);
    }
}
