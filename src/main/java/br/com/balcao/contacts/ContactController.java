package br.com.balcao.contacts;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact page: details, phone and extra fields (editable with the CONTACTS permission), notes, open
 * tickets, and the tickets and messages of the last 3 months with links to the timeline and the PDFs. Only
 * members of the contact's number see it; for anyone else it does not exist.
 */
@Controller
class ContactController {

    static final int NOTES = 50;
    static final int MONTHS = 3;

    private final ContactDirectory contacts;
    private final AccessPolicy access;
    private final ContactActivity activity;
    private final Clock clock;

    ContactController(ContactDirectory contacts, AccessPolicy access, ContactActivity activity, Clock clock) {
        this.contacts = contacts;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    @GetMapping("/contacts/{contactId}")
    String show(@PathVariable long contactId, Model model) {
        ContactView contact = visibleContact(contactId);
        model.addAttribute("form", ContactEdit.of(contact));
        return page(contact, model);
    }

    /** Saves the form; with an error the page comes back as typed with the errors (422) and nothing changes. */
    @PostMapping("/contacts/{contactId}")
    String edit(@PathVariable long contactId,
                @Validated(ContactEdit.WholeContact.class) @ModelAttribute("form") ContactEdit form,
                BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ContactView contact = visibleContact(contactId);
        access.require(contact.numberId(), Permission.CONTACTS);
        if (!accepted(result, response, () -> contacts.edit(contactId, form))) {
            return page(contact, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/contacts/" + contactId;
    }

    @PostMapping("/contacts/{contactId}/notes")
    String addNote(@PathVariable long contactId, @Valid @ModelAttribute("noteForm") NoteForm note,
                   BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ContactView contact = visibleContact(contactId);
        if (!accepted(result, response, () -> activity.addNote(contactId, access.currentUser().id(), note.text()))) {
            model.addAttribute("form", ContactEdit.of(contact));
            return page(contact, model);
        }
        redirect.addFlashAttribute("noteSaved", true);
        return "redirect:/contacts/" + contactId + "#notes";
    }

    /** The contact, when the user may read its number's contacts (404 for another number's, 403 without CONTACTS). */
    private ContactView visibleContact(long contactId) {
        ContactView contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact"));
        access.requireContactReader(contact.numberId());
        return contact;
    }

    private String page(ContactView contact, Model model) {
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", NoteForm.empty());
        }
        NumberView number = access.requireVisible(contact.numberId());
        Instant since = clock.instant().atZone(number.zone()).minusMonths(MONTHS).toInstant();
        List<ContactActivity.TicketLine> tickets = activity.tickets(contact.id(), since);
        model.addAttribute("contact", contact);
        model.addAttribute("number", number);
        model.addAttribute("zone", number.zone());
        model.addAttribute("canEdit", access.can(contact.numberId(), Permission.CONTACTS));
        model.addAttribute("openTickets", tickets.stream().filter(ContactActivity.TicketLine::open).toList());
        model.addAttribute("tickets", tickets.stream().filter(ticket -> !ticket.createdAt().isBefore(since)).toList());
        model.addAttribute("interactions", activity.latestMessages(contact.id(), since));
        model.addAttribute("notes", activity.notes(contact.id(), NOTES));
        return "contacts/contact";
    }
}
