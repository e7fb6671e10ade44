package br.com.balcao.settings;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.settings.FormAttempt.Context;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.templates.TemplateAdministration;
import br.com.balcao.templates.TemplateAdministration.TemplateForm;
import br.com.balcao.templates.TemplateCategory;
import br.com.balcao.templates.TemplateStatus;
import br.com.balcao.templates.TemplateView;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The templates tab: a number's message templates, with their {{n}} variables detected and previewed. */
@Controller
class TemplateSettingsController {

    private static final String VIEW = "settings/templates";

    private final TemplateAdministration templates;
    private final CatalogChanges changes;
    private final NumberDirectory numbers;
    private final AccessPolicy access;
    private final FormAttempt attempt;
    private final MessageSource messages;

    TemplateSettingsController(TemplateAdministration templates, CatalogChanges changes, NumberDirectory numbers,
            AccessPolicy access, FormAttempt attempt, MessageSource messages) {
        this.templates = templates;
        this.changes = changes;
        this.numbers = numbers;
        this.access = access;
        this.attempt = attempt;
        this.messages = messages;
    }

    /** The template form as typed. */
    record TemplateParams(String name, String language, String category, String body, String status) {

        static final TemplateParams EMPTY = new TemplateParams("", "pt_BR", "UTILITY", "", "APPROVED");

        TemplateForm toForm() {
            return new TemplateForm(name, language, parse(TemplateCategory.class, category), body,
                    parse(TemplateStatus.class, status));
        }

        static TemplateParams of(TemplateView template) {
            return new TemplateParams(template.name(), template.language(), template.category().name(),
                    template.body(), template.status().name());
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String value) {
            try {
                return Enum.valueOf(type, value == null ? "" : value);
            } catch (IllegalArgumentException bad) {
                return null;
            }
        }
    }

    @GetMapping("/settings/templates")
    String page(@RequestParam Optional<Long> number, @RequestParam Optional<Long> edit, Model model) {
        access.requireAdmin();
        NumberView selected = number(number);
        TemplateParams form = edit.map(id -> TemplateParams.of(template(selected.id(), id))).orElse(TemplateParams.EMPTY);
        return show(model, selected, edit.orElse(null), form);
    }

    @PostMapping("/settings/templates")
    String create(@RequestParam long numberId, TemplateParams params, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        return attempt.run(new Context(model, response, redirect, locale), () -> {
            changes.createTemplate(actor, number, params.toForm());
            return "/settings/templates?number=" + numberId;
        }, () -> show(model, number, null, params));
    }

    @PostMapping("/settings/templates/{templateId}")
    String update(@PathVariable long templateId, @RequestParam long numberId, TemplateParams params, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        template(numberId, templateId);
        return attempt.run(new Context(model, response, redirect, locale), () -> {
            changes.updateTemplate(actor, number, templateId, params.toForm());
            return "/settings/templates?number=" + numberId;
        }, () -> show(model, number, templateId, params));
    }

    @PostMapping("/settings/templates/{templateId}/delete")
    String delete(@PathVariable long templateId, @RequestParam long numberId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        changes.deleteTemplate(actor, number, templateId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/templates?number=" + numberId;
    }

    /** The variables found in the body and the text with sample values, while typing (htmx). */
    @PostMapping("/settings/templates/preview")
    String preview(@RequestParam long numberId, TemplateParams params, Model model, Locale locale) {
        access.requireAdmin();
        access.requireVisible(numberId);
        TemplateParams lenient = new TemplateParams(params.name() == null || params.name().isBlank() ? "preview" : params.name(),
                params.language(), params.category(), params.body(), params.status());
        try {
            addPreview(model, templates.preview(numberId, lenient.toForm()), locale);
        } catch (InvalidInputException refused) {
            model.addAttribute("previewError", messages.getMessage(refused, locale));
        }
        return VIEW + " :: preview";
    }

    private void addPreview(Model model, TemplateView template, Locale locale) {
        List<String> samples = IntStream.rangeClosed(1, template.variableCount())
                .mapToObj(n -> messages.getMessage("configuration.templates.sample", new Object[] {n}, locale))
                .toList();
        model.addAttribute("variableCount", template.variableCount());
        model.addAttribute("variables", template.variables());
        model.addAttribute("rendered", template.render(samples));
    }

    private String show(Model model, NumberView number, Long editingId, TemplateParams form) {
        model.addAttribute("numbers", numbers.all());
        model.addAttribute("number", number);
        model.addAttribute("templates", templates.all(number.id()));
        model.addAttribute("editingId", editingId);
        model.addAttribute("form", form);
        model.addAttribute("categories", TemplateCategory.values());
        model.addAttribute("statuses", TemplateStatus.values());
        try {
            addPreview(model, templates.preview(number.id(), new TemplateParams(
                    "preview", form.language(), form.category(), form.body(), form.status()).toForm()),
                    LocaleContextHolder.getLocale());
        } catch (InvalidInputException notYet) {
            model.addAttribute("variableCount", 0);
        }
        return VIEW;
    }

    private NumberView number(Optional<Long> numberId) {
        return numberId.map(access::requireVisible)
                .or(() -> numbers.all().stream().findFirst())
                .orElseThrow(() -> new NotFoundException("number"));
    }

    private TemplateView template(long numberId, long templateId) {
        return templates.all(numberId).stream().filter(t -> t.id() == templateId).findFirst()
                .orElseThrow(() -> new NotFoundException("template"));
    }
}
