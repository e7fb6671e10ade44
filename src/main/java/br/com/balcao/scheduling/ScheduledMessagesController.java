package br.com.balcao.scheduling;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.templates.TemplateView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
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
 * Scheduled messages: the list of the user's own (managers and admins also see, edit and cancel those of the other
 * users on the numbers they see), and the form the Desk card and the contact page link to. Scheduling needs REPLY on
 * the contact's number, a template ACTIVE_MESSAGE too; a contact, template or message of a number the user does not
 * see is not found (404), and an agent's message is not found by another agent.
 */
@Controller
record ScheduledMessagesController(ScheduledMessages scheduled, SkippedNotices skipped, ContactDirectory contacts,
                                   AccessPolicy access) {

    private static final String FORM = "scheduling/form";
    private static final String LIST = "redirect:/scheduled";

    @GetMapping("/scheduled")
    String list(Model model) {
        SignedInUser user = access.currentUser();
        List<Long> othersOn = user.isManager() || user.isAdmin()
                ? access.visibleNumbers().stream().map(NumberView::id).toList() : List.of();
        model.addAttribute("messages", scheduled.listFor(user.id(), othersOn));
        return "scheduling/list";
    }

    /** The signed-in user's notices of skipped messages, for the Desk (redrawn on every live event). */
    @GetMapping("/scheduled/skipped")
    String skippedNotices(Model model) {
        model.addAttribute("notices", skipped.of(access.currentUser().id()));
        return "scheduling/skipped :: panel";
    }

    @PostMapping("/scheduled/skipped/{id}/dismiss")
    String dismissSkipped(@PathVariable long id, Model model) {
        skipped.dismiss(id, access.currentUser().id());
        return skippedNotices(model);
    }

    @GetMapping("/scheduled/new")
    String newForm(@RequestParam long contactId, Model model) {
        ContactView contact = writableContact(contactId);
        return show(model, contact, null, ScheduleRequest.empty());
    }

    @PostMapping("/scheduled")
    String create(@RequestParam long contactId, @Valid @ModelAttribute("form") ScheduleRequest form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ContactView contact = writableContact(contactId);
        NumberView number = access.requireVisible(contact.numberId());
        requireTemplatePermission(contact.numberId(), form);
        if (!accepted(result, response, () -> scheduled.schedule(access.currentUser().id(), contact, number, form))) {
            return show(model, contact, null, form);
        }
        redirect.addFlashAttribute("saved", true);
        return LIST;
    }

    @GetMapping("/scheduled/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ScheduledMessage message = changeable(id);
        return show(model, contacts.find(message.contactId()).orElseThrow(), message, ScheduleRequest.of(message));
    }

    @PostMapping("/scheduled/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") ScheduleRequest form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ScheduledMessage message = changeable(id);
        requireTemplatePermission(message.numberId(), form);
        if (!accepted(result, response, () -> scheduled.edit(message, form))) {
            return show(model, contacts.find(message.contactId()).orElseThrow(), message, form);
        }
        redirect.addFlashAttribute("saved", true);
        return LIST;
    }

    @PostMapping("/scheduled/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        ScheduledMessage message = changeable(id);
        if (message.editable()) {
            scheduled.cancel(message.id());
            redirect.addFlashAttribute("cancelled", true);
        }
        return LIST;
    }

    private String show(Model model, ContactView contact, ScheduledMessage editing, ScheduleRequest form) {
        NumberView number = access.requireVisible(contact.numberId());
        model.addAttribute("contact", contact);
        model.addAttribute("number", number);
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("repetitions", Repetition.values());
        List<TemplateView> templates = access.can(contact.numberId(), Permission.ACTIVE_MESSAGE)
                ? scheduled.templatesOf(contact.numberId()) : List.of();
        model.addAttribute("templates", templates);
        model.addAttribute("mostVariables", templates.stream().mapToInt(TemplateView::variableCount).max().orElse(0));
        return FORM;
    }

    /** The contact, when the user may write on its number: 404 when they do not see it, 403 without REPLY. */
    private ContactView writableContact(long contactId) {
        ContactView contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact"));
        access.require(contact.numberId(), Permission.REPLY);
        return contact;
    }

    private void requireTemplatePermission(long numberId, ScheduleRequest form) {
        if (form.templateId() != null) {
            access.require(numberId, Permission.ACTIVE_MESSAGE);
        }
    }

    /**
     * The message, when the user may change it: REPLY on its number and its author, or a manager or admin who sees
     * the number; not found otherwise.
     */
    private ScheduledMessage changeable(long id) {
        ScheduledMessage message = scheduled.find(id).orElseThrow(() -> new NotFoundException("scheduled message"));
        access.require(message.numberId(), Permission.REPLY);
        SignedInUser user = access.currentUser();
        if (message.authorId() != user.id() && !user.isManager() && !user.isAdmin()) {
            throw new NotFoundException("scheduled message");
        }
        return message;
    }
}
