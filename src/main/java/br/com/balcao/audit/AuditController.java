package br.com.balcao.audit;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SelectedNumber;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins, newest first, 50 entries a page (keyset on time and id). */
@Controller
record AuditController(AuditLog audit, AccessPolicy access) {

    private static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Sao_Paulo");

    @GetMapping("/settings/audit")
    String page(@RequestParam Optional<Long> before, @SelectedNumber Optional<NumberView> selected,
                Model model) {
        access.requireAdmin();
        model.addAttribute("page", audit.recent(before));
        model.addAttribute("zone", selected.map(NumberView::zone).orElse(DEFAULT_ZONE));
        model.addAttribute("paged", before.isPresent());
        return "audit/audit";
    }
}
