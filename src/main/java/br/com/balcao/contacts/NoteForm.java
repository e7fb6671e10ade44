package br.com.balcao.contacts;

import br.com.balcao.contacts.FieldRules.Characters;
import jakarta.validation.constraints.NotBlank;

/** A new note, on a contact or on a ticket: 1 to {@value #MAX} characters besides the surrounding blanks. */
public record NoteForm(
        @NotBlank(message = "{card.notes.error}") @Characters(max = NoteForm.MAX, message = "{card.notes.error}")
        String text) {

    public static final int MAX = 5000;

    /** The form before anything is typed. */
    public static NoteForm empty() {
        return new NoteForm("");
    }
}
