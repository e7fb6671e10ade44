package br.com.balcao.settings;

import br.com.balcao.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A settings form's submission: on success, back to the page with "saved"; when refused, the page again
 * (422) with the reason and what was typed, nothing changed.
 */
@Component
class FormAttempt {

    private final MessageSource messages;

    FormAttempt(MessageSource messages) {
        this.messages = messages;
    }

    record Context(Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
    }

    /** {@code change} makes the change and answers where to go next. */
    String run(Context context, Supplier<String> change, Supplier<String> showAgain) {
        String redirectTo;
        try {
            redirectTo = change.get();
        } catch (InvalidInputException refused) {
            context.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            context.model().addAttribute("error", messages.getMessage(refused, context.locale()));
            return showAgain.get();
        }
        context.redirect().addFlashAttribute("saved", true);
        return "redirect:" + redirectTo;
    }
}
