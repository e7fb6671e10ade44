package br.com.balcao.desk;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AgentStatus;
import br.com.balcao.security.AgentStatusService;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.tickets.AgentCapacity;
import br.com.balcao.tickets.TicketClaims;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Desk's left column: the agent's tickets, their capacity and why nothing new arrives, and the queue of
 * the numbers in the list's scope (the header's number, or all of the agent's), open when the agent opened it.
 */
@Component
record DeskList(DeskQueries queries, TicketClaims claims, AgentStatusService statuses) {

    static final String ALL_NUMBERS = "balcao.desk.allNumbers";
    static final String QUEUE_OPEN = "balcao.desk.queueOpen";
    static final int QUEUE_PAGE = 20;

    void addTo(Model model, SignedInUser user, Optional<NumberView> selected, HttpSession session) {
        Long numberId = scopeNumber(selected, session);
        long queueSize = queries.queueSize(user.id(), numberId);
        AgentCapacity capacity = claims.capacityOf(user.id());
        AgentStatus status = statuses.statusOf(user.id());
        boolean queueOpen = Boolean.TRUE.equals(session.getAttribute(QUEUE_OPEN));
        model.addAttribute("allNumbers", numberId == null);
        model.addAttribute("scopeNumberId", numberId);
        model.addAttribute("tickets", queries.myTickets(user.id(), numberId));
        model.addAttribute("queueSize", queueSize);
        model.addAttribute("capacity", capacity);
        model.addAttribute("receiving", status == AgentStatus.ONLINE);
        model.addAttribute("deskStatus", status);
        model.addAttribute("queueOpen", queueOpen);
        model.addAttribute("queued", queueOpen && queueSize > 0 ? queries.queued(user.id(), numberId, QUEUE_PAGE)
                : List.of());
    }

    /** The number the list shows, or null for all of the agent's numbers. */
    Long scopeNumber(Optional<NumberView> selected, HttpSession session) {
        boolean allNumbers = Boolean.TRUE.equals(session.getAttribute(ALL_NUMBERS));
        return allNumbers ? null : selected.map(NumberView::id).orElse(null);
    }
}
