package br.com.balcao.workspace;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.tickets.QueueCounts;
import br.com.balcao.tickets.TicketStatistics;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a user lands after login: their numbers and how many tickets wait on each. */
@Controller
record HomeController(AccessPolicy access, TicketStatistics statistics) {

    @GetMapping("/")
    String home(Model model) {
        // The greeting's own: the layout's header data is left out of htmx requests (a redirect followed by htmx).
        access.signedInUser().ifPresent(user -> model.addAttribute("userName", user.name()));
        List<NumberView> numbers = access.visibleNumbers();
        Map<Long, QueueCounts> counts = statistics.unclosedByNumber(numbers.stream().map(NumberView::id).toList());
        model.addAttribute("numberCards", numbers.stream()
                .map(number -> new NumberCard(number, counts.getOrDefault(number.id(), QueueCounts.NONE)))
                .toList());
        return "workspace/home";
    }

    record NumberCard(NumberView number, QueueCounts counts) {
    }
}
