package br.com.balcao.reports;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SelectedNumber;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.FormSubmission;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins rebuild the reports' roll-ups of a range of days (docs/metrics.md, "Rebuilding the roll-ups"). */
@Controller
record RollupRebuildController(RollupRebuilds rebuilds, AccessPolicy access, Clock clock) {

    private static final String VIEW = "reports/rebuild";

    @GetMapping("/reports/rollups")
    String page(@RequestParam(defaultValue = ReportScope.ALL) String number, Model model) {
        access.requireAdmin();
        model.addAttribute("rebuild", RollupRebuildForm.empty(number));
        return show(model);
    }

    @PostMapping("/reports/rollups")
    String rebuild(@Valid @ModelAttribute("rebuild") RollupRebuildForm form, BindingResult errors,
                   @SelectedNumber Optional<NumberView> selected, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        if (form == null) { // a date that did not convert leaves no form: the errors say which
            model.addAttribute("rebuild", RollupRebuildForm.empty(String.valueOf(errors.getRawFieldValue("number"))));
            response.setStatus(FormSubmission.REFUSED);
            return show(model);
        }
        ReportScope scope = ReportScope.resolve(access, form.number(), selected);
        form.check(clock.instant().atZone(scope.zone()).toLocalDate(), errors);
        if (!FormSubmission.accepted(errors, response,
                () -> rebuilds.start(actor, scope.numbers(), form.from(), form.to()))) {
            return show(model);
        }
        redirect.addFlashAttribute("startedFrom", form.from()).addFlashAttribute("startedTo", form.to());
        return "redirect:/reports/rollups?number=" + scope.parameter();
    }

    private String show(Model model) {
        model.addAttribute("filterNumbers", access.visibleNumbers());
        model.addAttribute("chunkDays", RollupRebuilds.CHUNK_DAYS);
        model.addAttribute("maxDays", ReportPeriod.MAX_DAYS);
        model.addAttribute("today", LocalDate.now(clock));
        return VIEW;
    }
}
