package br.com.balcao.contacts;

import br.com.balcao.shared.TimeShown;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One line of the contacts list, with its last interaction written out in the number's zone (null when the
 * contact never talked): formatted here once rather than by the template, fifty times a page.
 */
public record ContactRow(long id, String name, String phoneE164, String email, String city, String document,
        Instant lastInteractionAt, String lastInteraction) {

    static ContactRow of(long id, String name, String phoneE164, String email, String city, String document,
                         Instant lastInteractionAt, ZoneId zone) {
        return new ContactRow(id, name, phoneE164, email, city, document, lastInteractionAt,
                TimeShown.dateTime(lastInteractionAt, zone));
    }

    public String formattedDocument() {
        return ContactEdit.formatDocument(document);
    }
}
