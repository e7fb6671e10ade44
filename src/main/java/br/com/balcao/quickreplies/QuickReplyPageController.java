package br.com.balcao.quickreplies;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.quickreplies.QuickReplyAdmin.CategoryRow;
import br.com.balcao.quickreplies.QuickReplyAdmin.DeleteOutcome;
import br.com.balcao.quickreplies.QuickReplyAdmin.ReplyRow;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.FormSubmission;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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

/**
 * The quick replies page (managers and admins, who keep them for all their numbers): the categories on the left, the chosen category's replies on the
 * right, with forms to create, rename, edit and delete. A refused form is shown again with its values
 * and the reason (422), and nothing is changed.
 */
@Controller
record QuickReplyPageController(QuickReplyAdmin admin, AccessPolicy access) {

    private static final String VIEW = "quickreplies/quick-replies";

    /** A category's name, new or renamed. */
    record CategoryParams(String name) {
    }

    /** A reply's fields; its category is a separate parameter. */
    record ReplyParams(String title, String body) {
    }

    @GetMapping("/quick-replies")
    String page(@RequestParam Optional<Long> category, @RequestParam Optional<Long> reply,
            @RequestParam(defaultValue = "false") boolean rename, Model model) {
        access.requireManager();
        Optional<ReplyRow> editing = reply.map(admin::reply);
        Long categoryId = editing.map(ReplyRow::categoryId).or(() -> category).orElse(null);
        editing.ifPresent(r -> model.addAttribute("replyForm", new ReplyParams(r.title(), r.body())));
        return show(model, categoryId, editing.map(ReplyRow::id).orElse(null), rename);
    }

    @PostMapping("/quick-replies/categories")
    String createCategory(@ModelAttribute("categoryForm") CategoryParams form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        return FormSubmission.result(result, response, () -> admin.createCategory(actor, form.name()))
                .map(id -> saved(redirect, "/quick-replies?category=" + id))
                .orElseGet(() -> show(model, null, null, false));
    }

    @PostMapping("/quick-replies/categories/{categoryId}")
    String renameCategory(@PathVariable long categoryId, @ModelAttribute("renameForm") CategoryParams form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        if (!accepted(result, response, () -> admin.renameCategory(actor, categoryId, form.name()))) {
            return show(model, categoryId, null, true);
        }
        return saved(redirect, "/quick-replies?category=" + categoryId);
    }

    @PostMapping("/quick-replies/categories/{categoryId}/delete")
    String deleteCategory(@PathVariable long categoryId, @RequestParam Optional<Integer> confirmedReplies,
            Model model, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        DeleteOutcome outcome = admin.deleteCategory(actor, categoryId, confirmedReplies.orElse(null));
        if (!outcome.deleted()) {
            model.addAttribute("categoryId", categoryId);
            model.addAttribute("outcome", outcome);
            return "quickreplies/confirm-delete";
        }
        return saved(redirect, "/quick-replies");
    }

    @PostMapping("/quick-replies/replies")
    String createReply(@RequestParam long categoryId, @ModelAttribute("replyForm") ReplyParams form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        if (!accepted(result, response, () -> admin.createReply(actor, categoryId, form.title(), form.body()))) {
            return show(model, categoryId, null, false);
        }
        return saved(redirect, "/quick-replies?category=" + categoryId);
    }

    @PostMapping("/quick-replies/replies/{replyId}")
    String editReply(@PathVariable long replyId, @RequestParam long categoryId,
            @ModelAttribute("replyForm") ReplyParams form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        if (!accepted(result, response,
                () -> admin.editReply(actor, replyId, categoryId, form.title(), form.body()))) {
            return show(model, categoryId, replyId, false);
        }
        return saved(redirect, "/quick-replies?category=" + categoryId);
    }

    @PostMapping("/quick-replies/replies/{replyId}/delete")
    String deleteReply(@PathVariable long replyId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        return saved(redirect, admin.deleteReply(actor, replyId)
                .map(categoryId -> "/quick-replies?category=" + categoryId).orElse("/quick-replies"));
    }

    /** The page; the forms not being shown again after a refusal start empty (the rename form with the name). */
    private String show(Model model, Long categoryId, Long editingReplyId, boolean renaming) {
        List<CategoryRow> categories = admin.categories();
        Optional<CategoryRow> selected = categoryId == null ? categories.stream().findFirst()
                : Optional.of(categories.stream().filter(c -> c.id() == categoryId).findFirst()
                        .orElseThrow(() -> new NotFoundException("quick reply category")));
        model.addAttribute("categories", categories);
        model.addAttribute("selected", selected.orElse(null));
        model.addAttribute("replies", selected.map(c -> admin.repliesOf(c.id())).orElse(List.of()));
        model.addAttribute("editingReplyId", editingReplyId);
        model.addAttribute("renaming", renaming);
        if (!model.containsAttribute("categoryForm")) {
            model.addAttribute("categoryForm", new CategoryParams(""));
        }
        if (!model.containsAttribute("renameForm")) {
            model.addAttribute("renameForm", new CategoryParams(selected.map(CategoryRow::name).orElse("")));
        }
        if (!model.containsAttribute("replyForm")) {
            model.addAttribute("replyForm", new ReplyParams("", ""));
        }
        model.addAttribute("titleMax", QuickReply.TITLE_MAX_LENGTH);
        model.addAttribute("nameMax", QuickReplyCategory.NAME_MAX_LENGTH);
        return VIEW;
    }

    private static String saved(RedirectAttributes redirect, String target) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + target;
    }
}
