package br.com.balcao.settings;

import br.com.balcao.numbers.NumberSettings.NumberForm;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.InvalidInputException;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-run setup in one transaction: the first admin, then the first number through the settings' own
 * path (same checks, same audit row, by the new admin), both or neither. Each refusal is about the field of the
 * form it concerns: what the form checks itself (required, too long) never gets here, so the admin's refusals are
 * the password's (the rules name it) or the e-mail's, and the number's are its time zone's or its phone number id's.
 */
@Service
@Transactional
class FirstRunSetup {

    private final UserChanges users;
    private final NumberChanges numbers;

    FirstRunSetup(UserChanges users, NumberChanges numbers) {
        this.users = users;
        this.numbers = numbers;
    }

    void complete(SetupParams params) {
        if (!Objects.equals(params.password(), params.passwordConfirmation())) {
            throw new InvalidInputException("setup.password.mismatch").about("passwordConfirmation");
        }
        SignedInUser admin = refusalsAbout("email",
                () -> users.createFirstAdmin(params.name(), params.email(), params.password()));
        NumberForm number = refusalsAbout("timeZone", params::number);
        refusalsAbout("phoneNumberId", () -> numbers.create(admin, number));
    }

    /** A step of the setup, whose refusals that name no field are about this one. */
    private static <T> T refusalsAbout(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException refused) {
            throw refused.about(field);
        }
    }
}
