package br.com.balcao.absence;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.absence.AbsenceEditor.AbsenceForm;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.security.SelectedNumber;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The absence page of the number chosen in the header: everyone who sees the number sees and changes its
 * absence. The preview is the exact reply customers get.
 */
@Controller
record AbsenceController(
        AbsenceEditor editor,
        AbsenceAccess absenceAccess,
        AccessPolicy access,
        UserDirectory users,
        MessageSource messages) {

    private static final String VIEW = "absence/absence";

    @GetMapping("/absence")
    String page(@SelectedNumber Optional<NumberView> number, Model model) {
        if (number.isEmpty()) {
            return VIEW;
        }
        List<UserSummary> members = absenceAccess.membersOf(number.get().id());
        Optional<AbsenceView> absence = editor.current(number.get().id());
        AbsenceForm form = absence.map(a -> new AbsenceForm(a.active(), a.message(), a.suggestedUserId(),
                        a.suggestedName(), a.suggestedPhone()))
                .orElse(new AbsenceForm(false, "", null, "", ""));
        return show(model, number.get(), members, absence, form);
    }

    @PostMapping("/absence")
    String save(@RequestParam long numberId, @ModelAttribute("form") AbsenceForm form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        NumberView number = access.requireVisible(numberId);
        List<UserSummary> members = absenceAccess.membersOf(numberId);
        SignedInUser actor = access.currentUser();
        if (!accepted(result, response, () -> {
            editor.save(actor, number, form, members);
        })) {
            return show(model, number, members, editor.current(numberId), form);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/absence";
    }

    /** The reply as it would be with what the form holds now (htmx, while typing). */
    @PostMapping("/absence/preview")
    String preview(@RequestParam long numberId, @ModelAttribute("form") AbsenceForm form, BindingResult unchecked,
            Model model, Locale locale) {
        List<UserSummary> members = absenceAccess.membersOf(numberId);
        try {
            model.addAttribute("reply", editor.check(form, members).reply());
        } catch (InvalidInputException refused) {
            model.addAttribute("previewError", messages.getMessage(refused, locale));
        }
        return VIEW + " :: preview";
    }

    private String replyOf(AbsenceForm form, List<UserSummary> members) {
        try {
            return editor.check(form, members).reply();
        } catch (InvalidInputException refused) {
            return AbsenceTexts.reply(form.message(), form.suggestedName(), form.suggestedPhone());
        }
    }

    private String show(Model model, NumberView number, List<UserSummary> members, Optional<AbsenceView> absence,
            AbsenceForm form) {
        model.addAttribute("number", number);
        model.addAttribute("members", members);
        model.addAttribute("absence", absence.orElse(null));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("reply", replyOf(form, members));
        model.addAttribute("startedBy", absence.map(AbsenceView::startedById).flatMap(users::find)
                .map(UserSummary::name).orElse(null));
        model.addAttribute("messageMax", AbsenceEditor.MESSAGE_MAX_LENGTH);
        return VIEW;
    }
}
