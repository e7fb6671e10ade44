package br.com.balcao.contacts;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contacts module's facade: what other modules may read of a contact. */
@Service
@Transactional(readOnly = true)
public class ContactDirectory {

    private final ContactRepository contacts;

    ContactDirectory(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public Optional<ContactView> find(long contactId) {
        return contacts.findById(contactId).map(Contact::toView);
    }
}
