package br.com.balcao.settings;

import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.InvalidInputException;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-run setup in one transaction: the first admin, then the first number through the settings' own
 * path (same checks, same audit row, by the new admin), both or neither.
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

    /** A refusal of the number's part of the form, told apart from the admin's so the page shows it there. */
    static final class NumberRefused extends RuntimeException {

        private final transient InvalidInputException reason;

        NumberRefused(InvalidInputException reason) {
            super(reason);
            this.reason = reason;
        }

        InvalidInputException reason() {
            return reason;
        }
    }

    void complete(SetupParams params) {
        if (!Objects.equals(params.password(), params.passwordConfirmation())) {
            throw new InvalidInputException("setup.password.mismatch");
        }
        SignedInUser admin = users.createFirstAdmin(params.name(), params.email(), params.password());
        try {
            numbers.create(admin, params.number());
        } catch (InvalidInputException refused) {
            throw new NumberRefused(refused);
        }
    }
}
