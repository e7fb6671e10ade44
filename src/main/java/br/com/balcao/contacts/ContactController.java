package br.com.balcao.contacts;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.TicketHistory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A contact's card: who they are and their latest tickets. Only members of the contact's number see it. */
@Controller
class ContactController {

    private static final int RECENT_TICKETS = 10;

    private final ContactDirectory contacts;
    private final AccessPolicy access;
    private final TicketHistory tickets;

    ContactController(ContactDirectory contacts, AccessPolicy access, TicketHistory tickets) {
        this.contacts = contacts;
        this.access = access;
        this.tickets = tickets;
    }

    @GetMapping("/contacts/{contactId}")
    String show(@PathVariable long contactId, Model model) {
        ContactView contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact"));
        NumberView number = access.requireVisible(contact.numberId());
        model.addAttribute("contact", contact);
        model.addAttribute("number", number);
        model.addAttribute("zone", number.zone());
        model.addAttribute("tickets", tickets.recentOfContact(contactId, RECENT_TICKETS));
        return "contacts/contact";
    }
}
