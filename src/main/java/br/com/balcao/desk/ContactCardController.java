package br.com.balcao.desk;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactEdit;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.contacts.NoteForm;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.BadRequestException;
import br.com.balcao.shared.FormSubmission;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketConflictException;
import br.com.balcao.tickets.TicketDetails.TagView;
import br.com.balcao.tickets.TicketDetails;
import br.com.balcao.tickets.RecentTickets;
import br.com.balcao.tickets.TicketStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Desk's right column: the open ticket's contact (editable with the CONTACTS permission), its tags, the
 * notes on it and on its contact, and the contact's earlier tickets; and the contents of the close and
 * transfer dialogs. Every section answers its own fragment, so that saving one keeps what is typed in another.
 */
@Controller
record ContactCardController(
        DeskTickets tickets,
        AccessPolicy access,
        ContactDirectory contacts,
        TicketDetails details,
        RecentTickets history,
        TransferCandidates candidates) {

    static final int EARLIER_TICKETS = 10;
    static final int NOTES = 50;

    @GetMapping("/desk/tickets/{ticketId}/card")
    String card(@PathVariable long ticketId, Model model) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        ContactView contact = contactOf(ticket);
        model.addAttribute("form", ContactEdit.of(contact));
        addContact(ticket, contact, model);
        addTags(ticket, model);
        addNotes(ticket, model);
        model.addAttribute("earlierTickets", history.recentOfContact(ticket.contactId(), EARLIER_TICKETS + 1).stream()
                .filter(earlier -> earlier.id() != ticketId).limit(EARLIER_TICKETS).toList());
        return "desk/card :: card";
    }

    /** Saves the contact's fields; with an error, the form comes back as typed with the errors (422). */
    @PostMapping("/desk/tickets/{ticketId}/contact")
    String editContact(@PathVariable long ticketId, @Valid @ModelAttribute("form") ContactEdit form,
                       BindingResult result, Model model, HttpServletResponse response) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        access.require(ticket.numberId(), Permission.CONTACTS);
        Optional<ContactView> saved = FormSubmission.result(result, response,
                () -> contacts.edit(ticket.contactId(), form.details()));
        if (saved.isEmpty()) {
            addContact(ticket, contactOf(ticket), model);
            return "desk/card :: contact";
        }
        response.setHeader("HX-Trigger", "desk-refresh-list");
        model.addAttribute("saved", true);
        model.addAttribute("form", ContactEdit.of(saved.get()));
        addContact(ticket, saved.get(), model);
        return "desk/card :: contact";
    }

    @PostMapping("/desk/tickets/{ticketId}/tags")
    String addTag(@PathVariable long ticketId, @RequestParam long tagId, Model model, HttpServletResponse response) {
        return changeTags(ticketId, () -> details.addTag(ticketId, tagId), model, response);
    }

    @PostMapping("/desk/tickets/{ticketId}/tags/{tagId}/delete")
    String removeTag(@PathVariable long ticketId, @PathVariable long tagId, Model model,
                     HttpServletResponse response) {
        return changeTags(ticketId, () -> details.removeTag(ticketId, tagId), model, response);
    }

    /** The card's tags after the change, or the refusal when the ticket was closed meanwhile. */
    private String changeTags(long ticketId, Runnable change, Model model, HttpServletResponse response) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        try {
            change.run();
        } catch (TicketConflictException closed) {
            return tagsRefused(ticket, model, response);
        }
        addTags(ticket, model);
        return "desk/card :: tags";
    }

    /** A note on the ticket ({@code scope=ticket}) or on its contact ({@code scope=contact}). */
    @PostMapping("/desk/tickets/{ticketId}/notes")
    String addNote(@PathVariable long ticketId, @RequestParam(defaultValue = "ticket") String scope,
                   @Valid @ModelAttribute("noteForm") NoteForm note, BindingResult result, Model model,
                   HttpServletResponse response) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        if (!scope.equals("ticket") && !scope.equals("contact")) {
            throw new BadRequestException("unknown note scope " + scope);
        }
        long author = access.currentUser().id();
        model.addAttribute("noteScope", scope);
        if (FormSubmission.accepted(result, response, () -> {
            if (scope.equals("ticket")) {
                details.noteOnTicket(ticketId, author, note.text());
            } else {
                details.noteOnContact(ticket.contactId(), author, note.text());
            }
        })) {
            model.addAttribute("noteForm", NoteForm.empty());
        }
        addNotes(ticket, model);
        return "desk/card :: notes";
    }

    /** The close dialog's contents: every tag, those the ticket carries already checked. */
    @GetMapping("/desk/tickets/{ticketId}/close-dialog")
    String closeDialog(@PathVariable long ticketId, Model model) {
        dialog(ticketId, model);
        model.addAttribute("allTags", details.allTags());
        model.addAttribute("ticketTagIds", details.tagsOf(ticketId).stream().map(TagView::id)
                .collect(Collectors.toSet()));
        return "desk/card :: closeDialog";
    }

    /** The transfer dialog's contents: the other agents who answer on the ticket's number. */
    @GetMapping("/desk/tickets/{ticketId}/transfer-dialog")
    String transferDialog(@PathVariable long ticketId, Model model) {
        DeskTicketHeader ticket = dialog(ticketId, model);
        model.addAttribute("candidates", candidates.of(ticket.numberId(), access.currentUser().id()));
        return "desk/card :: transferDialog";
    }

    /** What every dialog of the ticket shows: the ticket, and whether it is the current user's. */
    private DeskTicketHeader dialog(long ticketId, Model model) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        model.addAttribute("ticket", ticket);
        model.addAttribute("mine", mine(ticket));
        return ticket;
    }

    private String tagsRefused(DeskTicketHeader ticket, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("tagsRefused", true);
        addTags(ticket, model);
        model.addAttribute("tagsEditable", false);
        return "desk/card :: tags";
    }

    /** Whether the ticket is the current user's and in service: what the close and transfer actions need. */
    private boolean mine(DeskTicketHeader ticket) {
        return ticket.agentId() != null && ticket.agentId() == access.currentUser().id()
                && ticket.status().withAgent();
    }

    private ContactView contactOf(DeskTicketHeader ticket) {
        return contacts.find(ticket.contactId()).orElseThrow(() -> new NotFoundException("contact"));
    }

    private void addContact(DeskTicketHeader ticket, ContactView contact, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("contact", contact);
        model.addAttribute("contactDocument", ContactEdit.formatDocument(contact.document()));
        model.addAttribute("canEditContact", access.can(ticket.numberId(), Permission.CONTACTS));
    }

    private void addTags(DeskTicketHeader ticket, Model model) {
        List<TagView> onTicket = details.tagsOf(ticket.id());
        Set<Long> onTicketIds = onTicket.stream().map(TagView::id).collect(Collectors.toSet());
        model.addAttribute("ticket", ticket);
        model.addAttribute("ticketTags", onTicket);
        model.addAttribute("availableTags", details.allTags().stream()
                .filter(tag -> !onTicketIds.contains(tag.id())).toList());
        model.addAttribute("tagsEditable", ticket.status() != TicketStatus.CLOSED);
    }

    private void addNotes(DeskTicketHeader ticket, Model model) {
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", NoteForm.empty());
        }
        model.addAttribute("ticket", ticket);
        model.addAttribute("notes", details.notesOfContact(ticket.contactId(), NOTES));
    }
}
