package br.com.balcao.desk;

import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.ServiceWindow;
import br.com.balcao.tickets.TicketStatus;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent's workspace: their tickets on the left, the chosen conversation in the middle. */
@Controller
class DeskController {

    private final DeskQueries queries;
    private final AccessPolicy access;
    private final DeskList list;
    private final ServiceWindow window;
    private final Clock clock;

    DeskController(DeskQueries queries, AccessPolicy access, DeskList list, ServiceWindow window,
                   Clock clock) {
        this.queries = queries;
        this.access = access;
        this.list = list;
        this.window = window;
        this.clock = clock;
    }

    @GetMapping("/desk")
    String desk(HttpSession session, Model model) {
        addList(session, model);
        return "desk/desk";
    }

    /** The list shows the header's number (the default) or every number of the agent. */
    @PostMapping("/desk/scope")
    String scope(@RequestParam boolean allNumbers, HttpSession session) {
        session.setAttribute(DeskList.ALL_NUMBERS, allNumbers);
        return "redirect:/desk";
    }

    @GetMapping("/desk/tickets/{ticketId}")
    String ticket(@PathVariable long ticketId, HttpSession session, Model model) {
        addList(session, model);
        addTicket(visibleTicket(ticketId), model);
        return "desk/desk";
    }

    @GetMapping("/desk/list")
    String list(HttpSession session, Model model, @RequestParam Optional<Long> selected) {
        addList(session, model);
        selected.ifPresent(id -> model.addAttribute("selectedTicketId", id));
        return "desk/desk :: list";
    }

    /**
     * The timeline's newest page; with {@code before}, the page before that message (to prepend); with
     * {@code after}, the messages that came after it (to append, keeping what the agent scrolled back to).
     */
    @GetMapping("/desk/tickets/{ticketId}/timeline")
    String timeline(@PathVariable long ticketId, @RequestParam Optional<Long> before,
                    @RequestParam Optional<Long> after, Model model) {
        DeskTicketHeader ticket = visibleTicket(ticketId);
        model.addAttribute("ticket", ticket);
        if (after.isPresent()) {
            model.addAttribute("messages", queries.newerThan(ticketId, after.get()));
            model.addAttribute("hasOlder", false);
            return "desk/desk :: older";
        }
        TimelinePage page = queries.timeline(ticketId, before);
        model.addAttribute("messages", page.messages());
        model.addAttribute("hasOlder", page.hasOlder());
        return before.isPresent() ? "desk/desk :: older" : "desk/desk :: timeline";
    }

    @GetMapping("/desk/tickets/{ticketId}/composer")
    String composer(@PathVariable long ticketId, Model model) {
        addComposer(visibleTicket(ticketId), model);
        return "desk/desk :: composer";
    }

    /** The conversation's header (state, close and transfer), redrawn when the ticket changes. */
    @GetMapping("/desk/tickets/{ticketId}/header")
    String header(@PathVariable long ticketId, Model model) {
        addServingState(visibleTicket(ticketId), model);
        return "desk/desk :: conversationHeader";
    }

    /** The ticket, if the user may see its number; 404 otherwise, as if it did not exist. */
    DeskTicketHeader visibleTicket(long ticketId) {
        DeskTicketHeader ticket = queries.header(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        access.requireVisible(ticket.numberId());
        return ticket;
    }

    private void addList(HttpSession session, Model model) {
        list.addTo(model, access.currentUser(), session);
    }

    private void addTicket(DeskTicketHeader ticket, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("selectedTicketId", ticket.id());
        TimelinePage page = queries.timeline(ticket.id(), Optional.empty());
        model.addAttribute("messages", page.messages());
        model.addAttribute("hasOlder", page.hasOlder());
        addComposer(ticket, model);
    }

    private void addComposer(DeskTicketHeader ticket, Model model) {
        addServingState(ticket, model);
        Instant windowClosesAt = window.closesAt(ticket.contactId()).orElse(null);
        model.addAttribute("windowOpen", windowClosesAt != null && windowClosesAt.isAfter(clock.instant()));
        model.addAttribute("windowClosesAt", windowClosesAt);
        model.addAttribute("canSendTemplates", access.can(ticket.numberId(), Permission.ACTIVE_MESSAGE));
    }

    /** The ticket and whether the user serves it now (and so may reply, close and transfer). */
    private void addServingState(DeskTicketHeader ticket, Model model) {
        SignedInUser user = access.currentUser();
        boolean mine = ticket.agentId() != null && ticket.agentId() == user.id()
                && (ticket.status() == TicketStatus.ASSIGNED || ticket.status() == TicketStatus.OPEN);
        model.addAttribute("ticket", ticket);
        model.addAttribute("mine", mine);
    }
}
