package br.com.balcao.desk;

import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.HtmxRequest;
import br.com.balcao.tickets.TicketClaims;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's "3/5" beside the status switch, for whoever answers tickets somewhere: their tickets in
 * service on all their numbers out of their slots, so that a full agent sees why nothing new arrives. Full
 * pages only; the Desk's list refreshes it live.
 */
@ControllerAdvice
class CapacityBadge {

    private final AccessPolicy access;
    private final TicketClaims claims;

    CapacityBadge(AccessPolicy access, TicketClaims claims) {
        this.access = access;
        this.claims = claims;
    }

    @ModelAttribute
    void addCapacity(Model model, HttpServletRequest request) {
        if (HtmxRequest.wantsFragment(request)) {
            return;
        }
        access.signedInUser().filter(user -> answersSomewhere())
                .ifPresent(user -> model.addAttribute("agentCapacity", claims.capacityOf(user.id())));
    }

    private boolean answersSomewhere() {
        return access.visibleNumbers().stream().anyMatch(number -> access.can(number.id(), Permission.REPLY));
    }
}
