package br.com.balcao.desk;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.SafeRedirect;
import br.com.balcao.tickets.TicketClaims;
import br.com.balcao.tickets.TicketConflictException;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The queue in the Desk's list: open or hide it, take the oldest ticket or a chosen one; and the header's capacity. A taken ticket opens;
 * a refusal (full, someone was faster, nothing waits) comes back to the list in plain words.
 */
@Controller
record DeskQueueController(DeskTickets tickets, TicketClaims claims, AccessPolicy access) {

    static final String REFUSAL = "queueRefusal";

    /** The header's capacity badge, fetched again as tickets come and go. */
    @GetMapping("/desk/capacity")
    String capacity(Model model) {
        model.addAttribute("agentCapacity", claims.capacityOf(access.currentUser().id()));
        return "layout :: capacity";
    }

    @PostMapping("/desk/queue/toggle")
    RedirectView toggle(@RequestParam boolean open, @RequestParam(defaultValue = "/desk") String returnTo,
                        HttpSession session) {
        session.setAttribute(DeskList.QUEUE_OPEN, open);
        return SafeRedirect.to(returnTo);
    }

    /** The oldest ticket waiting on the number, or on every number where the agent answers (no number). */
    @PostMapping("/desk/queue/next")
    String takeNext(@RequestParam Optional<Long> numberId, RedirectAttributes redirect) {
        List<Long> numbers = numberId.map(this::replyingOn).orElseGet(this::replyingNumbers);
        return attempt(() -> claims.takeNext(access.currentUser().id(), numbers), redirect);
    }

    @PostMapping("/desk/queue/{ticketId}/take")
    String take(@PathVariable long ticketId, RedirectAttributes redirect) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        access.require(ticket.numberId(), Permission.REPLY);
        return attempt(() -> {
            claims.take(ticketId, access.currentUser().id());
            return ticketId;
        }, redirect);
    }

    private String attempt(Claim claim, RedirectAttributes redirect) {
        try {
            return "redirect:/desk/tickets/" + claim.ticketId();
        } catch (TicketConflictException refusal) {
            redirect.addFlashAttribute(REFUSAL, refusal.reason());
            return "redirect:/desk";
        }
    }

    private interface Claim {
        long ticketId();
    }

    private List<Long> replyingOn(long numberId) {
        access.require(numberId, Permission.REPLY);
        return List.of(numberId);
    }

    private List<Long> replyingNumbers() {
        List<Long> numbers = access.visibleNumbers().stream().map(NumberView::id)
                .filter(number -> access.can(number, Permission.REPLY)).toList();
        if (numbers.isEmpty()) {
            throw new AccessDeniedException("no number to answer on");
        }
        return numbers;
    }
}
