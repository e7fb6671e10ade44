package br.com.balcao.settings;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The first-run setup page: the first admin and the first WhatsApp number, then the login page. It exists only
 * while the installation has no admin (and never in the demo); afterwards it is 404.
 */
@Controller
@RequestMapping(FirstRunGuard.SETUP)
record FirstRunSetupController(FirstRun firstRun, FirstRunSetup setup) {

    private static final String VIEW = "settings/setup";

    @GetMapping
    String page(Model model) {
        requirePending();
        model.addAttribute("form", SetupParams.BLANK);
        return show(model);
    }

    /** Refused, the page again (422) with what was typed but the passwords, each reason next to its field. */
    @PostMapping
    String complete(@Valid @ModelAttribute("form") SetupParams form, BindingResult result, Model model,
            HttpServletResponse response) {
        requirePending();
        if (!accepted(result, response, () -> setup.complete(form))) {
            return show(model);
        }
        return "redirect:/login?setup";
    }

    private void requirePending() {
        if (!firstRun.isPending()) {
            throw new NotFoundException("first-run setup");
        }
    }

    private static String show(Model model) {
        model.addAttribute("zones", ZoneChoices.in(LocaleContextHolder.getLocale()));
        return VIEW;
    }
}
