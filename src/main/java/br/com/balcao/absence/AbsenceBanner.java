package br.com.balcao.absence;

import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.HtmxRequest;
import br.com.balcao.security.NumberSelection;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header's banner while the chosen number's absence is on (full pages only, not htmx fragments). */
@ControllerAdvice
class AbsenceBanner {

    private final AccessPolicy access;
    private final NumberSelection selection;
    private final AbsenceSettings settings;

    AbsenceBanner(AccessPolicy access, NumberSelection selection, AbsenceSettings settings) {
        this.access = access;
        this.selection = selection;
        this.settings = settings;
    }

    record Banner(String numberName, AbsenceView absence) {
    }

    @ModelAttribute
    void addAbsenceBanner(Model model, HttpServletRequest request) {
        if (HtmxRequest.wantsFragment(request) || access.signedInUser().isEmpty()
                || request.getSession(false) == null) {
            return;
        }
        selection.current(request.getSession()).ifPresent(number -> settings.active(number.id())
                .ifPresent(absence -> model.addAttribute("absenceBanner", new Banner(number.name(), absence))));
    }
}
