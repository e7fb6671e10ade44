package br.com.balcao.desk;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.tickets.MessageReactions;
import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketConflictException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What an agent does to the open ticket: reply (quoting a message or not), react, close, transfer. */
@Controller
record DeskActionsController(DeskTickets tickets, TicketActions actions, AccessPolicy access,
        MessageReactions reactions) {

    /** The composer's text: WhatsApp's text message, not empty; {@code replyTo} the message it quotes, if any. */
    record ReplyParams(@NotBlank(message = "{form.required}")
            @Size(max = TicketActions.MAX_REPLY, message = "{form.tooLong}") String text, Long replyTo) {
    }

    /** One of {@link TicketActions#REACTIONS}, or empty to take the agent's reaction back. */
    record ReactionParams(@NotNull(message = "{form.required}") String emoji) {
    }

    /**
     * Sends the reply and answers the refreshed timeline. A refused text answers the composer's message with a
     * 409, as a refused action does: the composer shows both in the same place.
     */
    @PostMapping("/desk/tickets/{ticketId}/messages")
    String reply(@PathVariable long ticketId, @Valid @ModelAttribute("reply") ReplyParams reply, BindingResult result,
            Model model, HttpServletResponse response) {
        DeskTicketHeader ticket = serviceable(ticketId);
        if (!accepted(result, response, () -> actions.reply(ticket.id(), access.currentUser().id(), reply.text(),
                reply.replyTo()))) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return refusal("bad-text", model);
        }
        tickets.addTimeline(ticket, Optional.empty(), model);
        return "desk/desk :: timeline";
    }

    /**
     * The agent's reaction on a message of the ticket's contact; answers the message's reactions as they now are. A
     * refused emoji answers the composer's message with a 409, as a refused action does.
     */
    @PostMapping("/desk/tickets/{ticketId}/messages/{messageId}/reaction")
    String react(@PathVariable long ticketId, @PathVariable long messageId,
                 @Valid @ModelAttribute("reaction") ReactionParams reaction, BindingResult result, Model model,
                 HttpServletResponse response) {
        DeskTicketHeader ticket = serviceable(ticketId);
        if (!accepted(result, response, () -> actions.react(ticket.id(), access.currentUser().id(), messageId,
                reaction.emoji()))) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return refusal("bad-reaction", model);
        }
        model.addAttribute("messageId", messageId);
        model.addAttribute("reactions", reactions.on(List.of(messageId)).getOrDefault(messageId, List.of()));
        return "fragments/message :: reactions";
    }

    /**
     * Puts the agent's failed message back in the outbox; both timelines (Desk, Conversations) are told to refresh.
     * 404 for a message of another ticket or number, 409 when it did not fail.
     */
    @PostMapping("/desk/tickets/{ticketId}/messages/{messageId}/resend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resend(@PathVariable long ticketId, @PathVariable long messageId, HttpServletResponse response) {
        serviceable(ticketId);
        actions.resend(ticketId, messageId, access.currentUser().id());
        response.setHeader("HX-Trigger", "desk-refresh-timeline, conversations-refresh");
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
        return refusal(refusal.reason(), model);
    }

    private static String refusal(String reason, Model model) {
        model.addAttribute("reason", reason);
        return "desk/desk :: refusal";
    }
}
