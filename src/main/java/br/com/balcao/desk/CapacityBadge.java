package br.com.balcao.desk;

import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.HtmxRequest;
import br.com.balcao.tickets.TicketClaims;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The header's "3/5" beside the status switch, for whoever answers tickets somewhere (a member with REPLY; not an
 * admin who merely sees every number): their tickets in service on all their numbers out of their slots, so that
 * a full agent sees why nothing new arrives. Full pages only; the badge fetches itself again on live events.
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
        access.signedInUser().flatMap(user -> claims.capacityIfAnswering(user.id()))
                .ifPresent(capacity -> model.addAttribute("agentCapacity", capacity));
    }
}
