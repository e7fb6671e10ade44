package br.com.balcao.desk;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SelectedNumber;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent's workspace: their tickets on the left, the chosen conversation in the middle. */
@Controller
record DeskController(DeskTickets tickets, Composers composers, AccessPolicy access, DeskList list) {

    @GetMapping("/desk")
    String desk(@SelectedNumber Optional<NumberView> number, HttpSession session, Model model) {
        addList(number, session, model);
        return "desk/desk";
    }

    /** The list shows the header's number (the default) or every number of the agent. */
    @PostMapping("/desk/scope")
    String scope(@RequestParam boolean allNumbers, HttpSession session) {
        session.setAttribute(DeskList.ALL_NUMBERS, allNumbers);
        return "redirect:/desk";
    }

    @GetMapping("/desk/tickets/{ticketId}")
    String ticket(@PathVariable long ticketId, @SelectedNumber Optional<NumberView> number, HttpSession session,
                  Model model) {
        addList(number, session, model);
        DeskTicketHeader ticket = tickets.visible(ticketId);
        model.addAttribute("selectedTicketId", ticket.id());
        tickets.addTimeline(ticket, Optional.empty(), model);
        addComposer(ticket, model);
        return "desk/desk";
    }

    @GetMapping("/desk/list")
    String list(@SelectedNumber Optional<NumberView> number, HttpSession session, Model model,
                @RequestParam Optional<Long> selected) {
        addList(number, session, model);
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
        DeskTicketHeader ticket = tickets.visible(ticketId);
        if (after.isPresent()) {
            tickets.addNewer(ticket, after.get(), model);
            return "desk/desk :: older";
        }
        tickets.addTimeline(ticket, before, model);
        return before.isPresent() ? "desk/desk :: older" : "desk/desk :: timeline";
    }

    @GetMapping("/desk/tickets/{ticketId}/composer")
    String composer(@PathVariable long ticketId, Model model) {
        addComposer(tickets.visible(ticketId), model);
        return "fragments/composer :: composer";
    }

    /** The conversation's header (state, close and transfer), redrawn when the ticket changes. */
    @GetMapping("/desk/tickets/{ticketId}/header")
    String header(@PathVariable long ticketId, Model model) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        model.addAttribute("ticket", ticket);
        model.addAttribute("mine", Composer.servedBy(access.currentUser().id(), ticket.status(), ticket.agentId()));
        return "desk/desk :: conversationHeader";
    }

    private void addList(Optional<NumberView> number, HttpSession session, Model model) {
        list.addTo(model, access.currentUser(), number, session);
    }

    private void addComposer(DeskTicketHeader ticket, Model model) {
        Composer composer = composers.of(ticket);
        model.addAttribute("ticket", ticket);
        model.addAttribute("mine", composer.mine());
        model.addAttribute("composer", composer);
    }
}
