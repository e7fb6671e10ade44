package br.com.balcao.contacts;

import java.time.Instant;

/** One line of the contacts list. */
public record ContactRow(long id, String name, String phoneE164, String email, String city, String document,
        Instant lastInteractionAt) {

    public String formattedDocument() {
        return ContactEdit.formatDocument(document);
    }
}
