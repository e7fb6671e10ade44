package br.com.balcao.settings;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.templates.TemplateAdministration;
import br.com.balcao.templates.TemplateAdministration.TemplateForm;
import br.com.balcao.templates.TemplateCategory;
import br.com.balcao.templates.SyncResult;
import br.com.balcao.templates.TemplateStatus;
import br.com.balcao.templates.TemplateSync;
import br.com.balcao.templates.TemplateView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates tab: a number's message templates. With the Cloud API they come from Meta ("Sync from Meta", the
 * result shown once); with the simulated gateway admins write them here, their {{n}} variables detected and
 * previewed.
 */
@Controller
record TemplateSettingsController(
        TemplateAdministration templates,
        TemplateSync sync,
        CatalogChanges changes,
        NumberDirectory numbers,
        AccessPolicy access,
        MessageSource messages) {

    private static final String VIEW = "settings/templates";

    /** The template form as typed; its name, language and variables are checked by the templates module. */
    record TemplateParams(@NotBlank(message = "{form.required}") String name,
            @NotBlank(message = "{form.required}") String language,
            @NotNull(message = "{form.required}") TemplateCategory category,
            @NotBlank(message = "{form.required}") @Size(max = 1024, message = "{form.tooLong}") String body,
            @NotNull(message = "{form.required}") TemplateStatus status) {

        static final TemplateParams EMPTY = new TemplateParams("", "pt_BR", TemplateCategory.UTILITY, "",
                TemplateStatus.APPROVED);

        TemplateForm toForm() {
            return new TemplateForm(name, language, category, body, status);
        }

        /** The same template under another name, for the preview of a template not yet named. */
        TemplateParams named(String other) {
            return new TemplateParams(other, language, category, body, status);
        }

        static TemplateParams of(TemplateView template) {
            return new TemplateParams(template.name(), template.language(), template.category(), template.body(),
                    template.status());
        }
    }

    @GetMapping("/settings/templates")
    String page(@RequestParam Optional<Long> number, @RequestParam Optional<Long> edit, Model model) {
        access.requireAdmin();
        NumberView selected = number(number);
        TemplateParams form = edit.map(id -> TemplateParams.of(template(selected.id(), id))).orElse(TemplateParams.EMPTY);
        model.addAttribute("form", form);
        return show(model, selected, edit.orElse(null), form);
    }

    @PostMapping("/settings/templates")
    String create(@RequestParam long numberId, @Valid @ModelAttribute("form") TemplateParams form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        if (!accepted(result, response, () -> changes.createTemplate(actor, number, form.toForm()))) {
            return show(model, number, null, form);
        }
        return saved(redirect, numberId);
    }

    @PostMapping("/settings/templates/{templateId}")
    String update(@PathVariable long templateId, @RequestParam long numberId,
            @Valid @ModelAttribute("form") TemplateParams form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        template(numberId, templateId);
        if (!accepted(result, response, () -> changes.updateTemplate(actor, number, templateId, form.toForm()))) {
            return show(model, number, templateId, form);
        }
        return saved(redirect, numberId);
    }

    @PostMapping("/settings/templates/{templateId}/delete")
    String delete(@PathVariable long templateId, @RequestParam long numberId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        changes.deleteTemplate(actor, number, templateId);
        return saved(redirect, numberId);
    }

    /** Syncs the number's templates and answers the tab with the result (syncing again is harmless). */
    @PostMapping("/settings/templates/sync")
    String syncFromMeta(@RequestParam long numberId, Model model) {
        SignedInUser actor = access.requireAdmin();
        NumberView number = access.requireVisible(numberId);
        SyncResult result = sync.sync(numberId);
        changes.templatesSynced(actor, number, result);
        model.addAttribute("sync", result);
        model.addAttribute("form", TemplateParams.EMPTY);
        return show(model, number, null, TemplateParams.EMPTY);
    }

    private static String saved(RedirectAttributes redirect, long numberId) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/templates?number=" + numberId;
    }

    /** The variables found in the body and the text with sample values, while typing (htmx). */
    @PostMapping("/settings/templates/preview")
    String preview(@RequestParam long numberId, @ModelAttribute("form") TemplateParams form, BindingResult unchecked,
            Model model, Locale locale) {
        access.requireAdmin();
        access.requireVisible(numberId);
        TemplateParams named = form.name() == null || form.name().isBlank() ? form.named("preview") : form;
        try {
            addPreview(model, templates.preview(numberId, named.toForm()), locale);
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
        model.addAttribute("local", templates.local());
        model.addAttribute("wabaId", numbers.channelOptions(number.id()).wabaId());
        model.addAttribute("editingId", editingId);
        model.addAttribute("categories", TemplateCategory.values());
        model.addAttribute("statuses", TemplateStatus.values());
        try {
            addPreview(model, templates.preview(number.id(), form.named("preview").toForm()),
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
