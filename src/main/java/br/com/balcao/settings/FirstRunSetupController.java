package br.com.balcao.settings;

import br.com.balcao.settings.FirstRunSetup.NumberRefused;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The first-run setup page: the first admin and the first WhatsApp number, then the login page. It exists only
 * while the installation has no admin (and never in the demo); afterwards it is 404.
 */
@Controller
@RequestMapping(FirstRunGuard.SETUP)
class FirstRunSetupController {

    private static final String VIEW = "settings/setup";

    private final FirstRun firstRun;
    private final FirstRunSetup setup;
    private final MessageSource messages;

    FirstRunSetupController(FirstRun firstRun, FirstRunSetup setup, MessageSource messages) {
        this.firstRun = firstRun;
        this.setup = setup;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        requirePending();
        return show(model, SetupParams.BLANK);
    }

    @PostMapping
    String complete(SetupParams params, Model model, HttpServletResponse response, Locale locale) {
        requirePending();
        try {
            setup.complete(params);
        } catch (InvalidInputException refused) {
            return refuse(model, response, params, "admin", messages.getMessage(refused, locale));
        } catch (NumberRefused refused) {
            return refuse(model, response, params, "number", messages.getMessage(refused.reason(), locale));
        }
        return "redirect:/login?setup";
    }

    private void requirePending() {
        if (!firstRun.isPending()) {
            throw new NotFoundException("first-run setup");
        }
    }

    /** The page again (422), with the reason in the part of the form it is about and what was typed. */
    private String refuse(Model model, HttpServletResponse response, SetupParams params, String part, String reason) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errorPart", part);
        model.addAttribute("error", reason);
        return show(model, params.withoutPasswords());
    }

    private static String show(Model model, SetupParams form) {
        model.addAttribute("form", form);
        model.addAttribute("zones", ZoneChoices.in(LocaleContextHolder.getLocale()));
        return VIEW;
    }
}
