package br.com.balcao.settings;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.tickets.TagCatalog;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tags tab: name and colour of the tags agents put on tickets. */
@Controller
record TagSettingsController(TagCatalog tags, CatalogChanges changes, AccessPolicy access) {

    private static final String VIEW = "settings/tags";
    private static final String DEFAULT_COLOR = "#6c757d";

    record TagParams(@NotBlank(message = "{form.required}") @Size(max = 40, message = "{form.tooLong}") String name,
            String color) {
    }

    @GetMapping("/settings/tags")
    String page(@RequestParam Optional<Long> edit, Model model) {
        access.requireAdmin();
        TagParams form = edit.map(tags::find).map(t -> new TagParams(t.name(), t.color()))
                .orElse(new TagParams("", DEFAULT_COLOR));
        model.addAttribute("form", form);
        return show(model, edit.orElse(null));
    }

    @PostMapping("/settings/tags")
    String create(@Valid @ModelAttribute("form") TagParams form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        if (!accepted(result, response, () -> changes.createTag(actor, form.name(), form.color()))) {
            return show(model, null);
        }
        return saved(redirect);
    }

    @PostMapping("/settings/tags/{tagId}")
    String update(@PathVariable long tagId, @Valid @ModelAttribute("form") TagParams form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        tags.find(tagId);
        if (!accepted(result, response, () -> changes.updateTag(actor, tagId, form.name(), form.color()))) {
            return show(model, tagId);
        }
        return saved(redirect);
    }

    @PostMapping("/settings/tags/{tagId}/delete")
    String delete(@PathVariable long tagId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        changes.deleteTag(actor, tagId);
        return saved(redirect);
    }

    private static String saved(RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/tags";
    }

    private String show(Model model, Long editingId) {
        model.addAttribute("tags", tags.all());
        model.addAttribute("editingId", editingId);
        return VIEW;
    }
}
