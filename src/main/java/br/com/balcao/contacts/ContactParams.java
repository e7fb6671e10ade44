package br.com.balcao.contacts;

import br.com.balcao.contacts.ContactForm.ExtraField;
import br.com.balcao.shared.Phones;
import java.util.ArrayList;
import java.util.List;

/**
 * The contact page's form as typed: the details, the phone and the extra fields as rows of a name and a value
 * (the n-th {@code extraName} goes with the n-th {@code extraValue}). {@link ContactForm} checks it.
 */
record ContactParams(String name, String phone, String email, String city, String document, List<String> extraName,
                     List<String> extraValue) {

    static ContactParams of(ContactView contact) {
        List<String> names = new ArrayList<>(contact.extraFields().keySet());
        List<String> values = new ArrayList<>(contact.extraFields().values());
        return new ContactParams(contact.name(), Phones.readable(contact.phoneE164()), contact.email(), contact.city(),
                ContactEdit.formatDocument(contact.document()), names, values);
    }

    ContactForm toForm() {
        return ContactForm.typed(name, phone, email, city, document, listOf(extraName), listOf(extraValue));
    }

    /** The extra fields' rows to show again (those with a name or a value). */
    public List<ExtraField> extras() {
        return toForm().extras();
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values;
    }
}
