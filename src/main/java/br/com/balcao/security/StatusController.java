package br.com.balcao.security;

import br.com.balcao.shared.BadRequestException;
import br.com.balcao.shared.SafeRedirect;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The header's status switch. */
@Controller
record StatusController(AgentStatusService statuses, AccessPolicy access) {

    @PostMapping("/me/status")
    RedirectView change(@RequestParam String status, @RequestParam(defaultValue = "/") String returnTo) {
        AgentStatus newStatus;
        try {
            newStatus = AgentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown status " + status);
        }
        statuses.change(access.currentUser().id(), newStatus);
        return SafeRedirect.to(returnTo);
    }
}
