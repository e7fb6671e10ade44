package br.com.balcao.contacts;

import br.com.balcao.shared.InvalidInputException;
import org.springframework.validation.Errors;

/** Another contact of the number has the phone an edit gives: the refusal is the phone field's error. */
class PhoneTaken extends InvalidInputException {

    PhoneTaken() {
        super("contacts.error.phoneTaken");
    }

    @Override
    public void rejectIn(Errors form) {
        rejectIn(form, "phone");
    }
}
