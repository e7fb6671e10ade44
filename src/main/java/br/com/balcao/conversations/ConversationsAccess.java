package br.com.balcao.conversations;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whose contacts a user may look up here: an agent those of the numbers where they have CONTACTS; managers
 * and admins those of every number they see. Everything else goes through {@link AccessPolicy}.
 */
@Component
record ConversationsAccess(AccessPolicy access, ContactDirectory contacts) {

    List<NumberView> searchableNumbers() {
        return access.visibleNumbers().stream().filter(number -> access.canReadContacts(number.id())).toList();
    }

    /** The contact, when its number is visible (404 otherwise) and searchable by the user (403 otherwise). */
    ContactView contact(long contactId) {
        ContactView contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact"));
        access.requireContactReader(contact.numberId());
        return contact;
    }

    SignedInUser user() {
        return access.currentUser();
    }

    boolean can(long numberId, Permission permission) {
        return access.can(numberId, permission);
    }
}
