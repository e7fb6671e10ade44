package br.com.balcao.desk;

import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketConflictException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What an agent does to the open ticket: reply, close, transfer. */
@Controller
class DeskActionsController {

    static final int MAX_REPLY = 4096;

    private final DeskTickets tickets;
    private final TicketActions actions;
    private final AccessPolicy access;

    DeskActionsController(DeskTickets tickets, TicketActions actions, AccessPolicy access) {
        this.tickets = tickets;
        this.actions = actions;
        this.access = access;
    }

    /** Sends the reply and answers the refreshed timeline; a refused reply answers the composer's message. */
    @PostMapping("/desk/tickets/{ticketId}/messages")
    String reply(@PathVariable long ticketId, @RequestParam String text, Model model) {
        DeskTicketHeader ticket = serviceable(ticketId);
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REPLY) {
            throw new TicketConflictException("bad-text");
        }
        actions.reply(ticket.id(), access.currentUser().id(), trimmed);
        tickets.addTimeline(ticket, Optional.empty(), model);
        return "desk/desk :: timeline";
    }

    @PostMapping("/desk/tickets/{ticketId}/close")
    String close(@PathVariable long ticketId, @RequestParam(defaultValue = "") List<Long> tagIds) {
        serviceable(ticketId);
        actions.close(ticketId, access.currentUser().id(), tagIds);
        return "redirect:/desk";
    }

    @PostMapping("/desk/tickets/{ticketId}/transfer")
    String transfer(@PathVariable long ticketId, @RequestParam long agentId) {
        serviceable(ticketId);
        actions.transfer(ticketId, access.currentUser().id(), agentId);
        return "redirect:/desk";
    }

    /** The ticket, when the user may answer on its number: 404 for another number's, 403 without REPLY. */
    private DeskTicketHeader serviceable(long ticketId) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        access.require(ticket.numberId(), Permission.REPLY);
        return ticket;
    }

    /** The reason in plain words, in the composer's place, with a 409 so that htmx shows it as an error. */
    @ExceptionHandler(TicketConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(TicketConflictException refusal, Model model) {
        model.addAttribute("reason", refusal.reason());
        return "desk/desk :: refusal";
    }
}
