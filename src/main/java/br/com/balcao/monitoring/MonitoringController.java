package br.com.balcao.monitoring;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SelectedNumber;
import br.com.balcao.shared.database.replica.ReplicaReads;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live dashboard: the page, its figures as a fragment the page swaps in, and the stream that says when. */
@Controller
record MonitoringController(
        MonitoringScopes scopes,
        DashboardQueries queries,
        MonitoringStreams streams,
        DashboardCards cards,
        AccessPolicy access,
        Clock clock) {

    @GetMapping("/monitoring")
    String page(@RequestParam(required = false) String number, @SelectedNumber Optional<NumberView> selected,
                Locale locale, Model model) {
        addDashboard(scopes.resolve(number, selected), locale, model);
        model.addAttribute("filterNumbers", access.visibleNumbers());
        return "monitoring/dashboard";
    }

    @GetMapping("/monitoring/panel")
    String panel(@RequestParam(required = false) String number, @SelectedNumber Optional<NumberView> selected,
                 Locale locale, Model model) {
        addDashboard(scopes.resolve(number, selected), locale, model);
        return "monitoring/dashboard :: panel";
    }

    @GetMapping("/monitoring/events")
    SseEmitter events(@RequestParam(required = false) String number, @SelectedNumber Optional<NumberView> selected) throws IOException {
        return streams.open(scopes.resolve(number, selected));
    }

    private void addDashboard(MonitoringScope scope, Locale locale, Model model) {
        Dashboard dashboard = ReplicaReads.call(() -> queries.compute(scope, clock.instant()));
        model.addAttribute("scope", scope);
        model.addAttribute("zone", scope.zone());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("sections", cards.of(dashboard, locale));
    }
}
