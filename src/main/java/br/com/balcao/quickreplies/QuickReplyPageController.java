package br.com.balcao.quickreplies;

import br.com.balcao.quickreplies.QuickReplyAdmin.CategoryRow;
import br.com.balcao.quickreplies.QuickReplyAdmin.DeleteOutcome;
import br.com.balcao.quickreplies.QuickReplyAdmin.ReplyRow;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
class QuickReplyPageController {

    private static final String VIEW = "quickreplies/quick-replies";

    private final QuickReplyAdmin admin;
    private final AccessPolicy access;
    private final MessageSource messages;

    QuickReplyPageController(QuickReplyAdmin admin, AccessPolicy access, MessageSource messages) {
        this.admin = admin;
        this.access = access;
        this.messages = messages;
    }

    /** What the forms hold when shown again after a refusal. */
    record Draft(String categoryName, String title, String body) {
        static final Draft EMPTY = new Draft("", "", "");
    }

    @GetMapping("/quick-replies")
    String page(@RequestParam Optional<Long> category, @RequestParam Optional<Long> reply,
            @RequestParam(defaultValue = "false") boolean rename, Model model) {
        access.requireManager();
        Optional<ReplyRow> editing = reply.map(admin::reply);
        Long categoryId = editing.map(ReplyRow::categoryId).or(() -> category).orElse(null);
        Draft draft = editing.map(r -> new Draft("", r.title(), r.body())).orElse(Draft.EMPTY);
        return show(model, categoryId, editing.map(ReplyRow::id).orElse(null), rename, draft);
    }

    @PostMapping("/quick-replies/categories")
    String createCategory(@RequestParam(defaultValue = "") String name, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireManager();
        return attempt(() -> {
            long id = admin.createCategory(actor, name);
            return saved(redirect, "/quick-replies?category=" + id);
        }, model, response, locale, null, null, false, new Draft(name, "", ""));
    }

    @PostMapping("/quick-replies/categories/{categoryId}")
    String renameCategory(@PathVariable long categoryId, @RequestParam(defaultValue = "") String name, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireManager();
        return attempt(() -> {
            admin.renameCategory(actor, categoryId, name);
            return saved(redirect, "/quick-replies?category=" + categoryId);
        }, model, response, locale, categoryId, null, true, new Draft(name, "", ""));
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
    String createReply(@RequestParam long categoryId, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireManager();
        return attempt(() -> {
            admin.createReply(actor, categoryId, title, body);
            return saved(redirect, "/quick-replies?category=" + categoryId);
        }, model, response, locale, categoryId, null, false, new Draft("", title, body));
    }

    @PostMapping("/quick-replies/replies/{replyId}")
    String editReply(@PathVariable long replyId, @RequestParam long categoryId,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireManager();
        return attempt(() -> {
            admin.editReply(actor, replyId, categoryId, title, body);
            return saved(redirect, "/quick-replies?category=" + categoryId);
        }, model, response, locale, categoryId, replyId, false, new Draft("", title, body));
    }

    @PostMapping("/quick-replies/replies/{replyId}/delete")
    String deleteReply(@PathVariable long replyId, RedirectAttributes redirect) {
        SignedInUser actor = access.requireManager();
        return saved(redirect, admin.deleteReply(actor, replyId)
                .map(categoryId -> "/quick-replies?category=" + categoryId).orElse("/quick-replies"));
    }

    private String attempt(Supplier<String> change, Model model, HttpServletResponse response, Locale locale,
            Long categoryId, Long editingReplyId, boolean renaming, Draft draft) {
        try {
            return change.get();
        } catch (InvalidInputException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", messages.getMessage(refused, locale));
            return show(model, categoryId, editingReplyId, renaming, draft);
        }
    }

    private String show(Model model, Long categoryId, Long editingReplyId, boolean renaming, Draft draft) {
        List<CategoryRow> categories = admin.categories();
        Optional<CategoryRow> selected = categoryId == null ? categories.stream().findFirst()
                : Optional.of(categories.stream().filter(c -> c.id() == categoryId).findFirst()
                        .orElseThrow(() -> new NotFoundException("quick reply category")));
        model.addAttribute("categories", categories);
        model.addAttribute("selected", selected.orElse(null));
        model.addAttribute("replies", selected.map(c -> admin.repliesOf(c.id())).orElse(List.of()));
        model.addAttribute("editingReplyId", editingReplyId);
        model.addAttribute("renaming", renaming);
        model.addAttribute("draft", draft);
        model.addAttribute("titleMax", QuickReply.TITLE_MAX_LENGTH);
        model.addAttribute("nameMax", QuickReplyCategory.NAME_MAX_LENGTH);
        return VIEW;
    }

    private static String saved(RedirectAttributes redirect, String target) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:" + target;
    }
}
