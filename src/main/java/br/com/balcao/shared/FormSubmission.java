package br.com.balcao.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/**
 * A bound and validated form's change: made only when the form has no errors; a refusal of the domain
 * ({@link InvalidInputException}) becomes the form's error. When nothing was changed the answer is 422, and the
 * controller shows the form again: it holds what was typed and its errors.
 */
public final class FormSubmission {

    public static final int REFUSED = HttpStatus.UNPROCESSABLE_CONTENT.value();

    private FormSubmission() {
    }

    /** The change's result (never null), or empty when the form was refused. */
    public static <T> Optional<T> result(BindingResult form, HttpServletResponse response, Supplier<T> change) {
        if (!form.hasErrors()) {
            try {
                return Optional.of(change.get());
            } catch (InvalidInputException refused) {
                refused.rejectIn(form);
            }
        }
        response.setStatus(REFUSED);
        return Optional.empty();
    }

    /** Whether the change was made. */
    public static boolean accepted(BindingResult form, HttpServletResponse response, Runnable change) {
        return result(form, response, () -> {
            change.run();
            return true;
        }).isPresent();
    }
}
