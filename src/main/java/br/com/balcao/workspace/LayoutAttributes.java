package br.com.balcao.workspace;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.AgentStatus;
import br.com.balcao.security.AgentStatusService;
import br.com.balcao.security.NumberSelection;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.HtmxRequest;
import br.com.balcao.shared.MenuEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the header of every page shows: the user, their numbers, the chosen number and their status. */
@ControllerAdvice
class LayoutAttributes {

    private final AccessPolicy access;
    private final NumberSelection selection;
    private final AgentStatusService statuses;
    private final List<MenuEntry> menu;

    LayoutAttributes(AccessPolicy access, NumberSelection selection, AgentStatusService statuses,
                     List<MenuEntry> menu) {
        this.access = access;
        this.selection = selection;
        this.statuses = statuses;
        this.menu = menu.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    }

    /** The header is the layout's: an htmx request for a fragment goes without it and is spared its queries. */
    @ModelAttribute
    void addLayoutAttributes(Model model, HttpServletRequest request) {
        access.signedInUser().filter(user -> !HtmxRequest.wantsFragment(request)).ifPresent(user -> {
            model.addAttribute("currentUser", user);
            List<NumberView> visible = access.visibleNumbers();
            model.addAttribute("visibleNumbers", visible);
            Optional<NumberView> selected = selection.current(request.getSession(), visible);
            selected.ifPresent(number -> model.addAttribute("selectedNumber", number));
            model.addAttribute("agentStatus", statuses.statusOf(user.id()));
            model.addAttribute("agentStatuses", AgentStatus.values());
            model.addAttribute("menuEntries",
                    menu.stream().filter(entry -> visibleTo(entry, user, selected)).toList());
        });
        model.addAttribute("currentUri", request.getRequestURI());
        model.addAttribute("currentPath", currentPath(request));
    }

    private boolean visibleTo(MenuEntry entry, SignedInUser user, Optional<NumberView> selected) {
        return switch (entry.audience()) {
            case EVERYONE -> true;
            case CONTACT_READERS -> selected.map(number -> access.canReadContacts(number.id())).orElse(false);
            case MANAGERS -> user.isManager();
            case ADMINS -> user.isAdmin();
        };
    }

    private static String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
