package br.com.balcao.settings;

import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.settings.FormAttempt.Context;
import br.com.balcao.tickets.TagCatalog;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tags tab: name and colour of the tags agents put on tickets. */
@Controller
class TagSettingsController {

    private static final String VIEW = "settings/tags";
    private static final String DEFAULT_COLOR = "#6c757d";

    private final TagCatalog tags;
    private final CatalogChanges changes;
    private final AccessPolicy access;
    private final FormAttempt attempt;

    TagSettingsController(TagCatalog tags, CatalogChanges changes, AccessPolicy access, FormAttempt attempt) {
        this.tags = tags;
        this.changes = changes;
        this.access = access;
        this.attempt = attempt;
    }

    record TagParams(String name, String color) {
    }

    @GetMapping("/settings/tags")
    String page(@RequestParam Optional<Long> edit, Model model) {
        access.requireAdmin();
        TagParams form = edit.map(tags::find).map(t -> new TagParams(t.name(), t.color()))
                .orElse(new TagParams("", DEFAULT_COLOR));
        return show(model, edit.orElse(null), form);
    }

    @PostMapping("/settings/tags")
    String create(TagParams params, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Locale locale) {
        SignedInUser actor = access.requireAdmin();
        return attempt.run(new Context(model, response, redirect, locale), () -> {
            changes.createTag(actor, params.name(), params.color());
            return "/settings/tags";
        }, () -> show(model, null, params));
    }

    @PostMapping("/settings/tags/{tagId}")
    String update(@PathVariable long tagId, TagParams params, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        tags.find(tagId);
        return attempt.run(new Context(model, response, redirect, locale), () -> {
            changes.updateTag(actor, tagId, params.name(), params.color());
            return "/settings/tags";
        }, () -> show(model, tagId, params));
    }

    @PostMapping("/settings/tags/{tagId}/delete")
    String delete(@PathVariable long tagId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        changes.deleteTag(actor, tagId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/tags";
    }

    private String show(Model model, Long editingId, TagParams form) {
        model.addAttribute("tags", tags.all());
        model.addAttribute("editingId", editingId);
        model.addAttribute("form", form);
        return VIEW;
    }
}
