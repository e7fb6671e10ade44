package br.com.balcao.settings;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.database.embedded.EmbeddedDatabaseBackups;
import br.com.balcao.security.SelectedNumber;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The backups tab: the embedded database's last base backup, the backups kept, the WAL archive's size and "Take a
 * backup now" (run in the background; the status polls while it runs). With an external database the app backs
 * nothing up, and the tab says what to use instead.
 */
@Controller
record BackupSettingsController(Optional<EmbeddedDatabaseBackups> backups, AccessPolicy access) {

    private static final String VIEW = "settings/backups";
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Sao_Paulo");

    @GetMapping("/settings/backups")
    String page(@SelectedNumber Optional<NumberView> selected, Model model, Locale locale) {
        access.requireAdmin();
        return show(VIEW, selected, model, locale);
    }

    @GetMapping("/settings/backups/status")
    String status(@SelectedNumber Optional<NumberView> selected, Model model, Locale locale) {
        access.requireAdmin();
        return show(VIEW + " :: status", selected, model, locale);
    }

    @PostMapping("/settings/backups")
    String takeBackupNow(RedirectAttributes redirect) {
        access.requireAdmin();
        backups.ifPresent(embedded -> redirect.addFlashAttribute(embedded.startBackup() ? "backupStarted" : "backupRunning", true));
        return "redirect:/settings/backups";
    }

    private String show(String view, Optional<NumberView> selected, Model model, Locale locale) {
        model.addAttribute("backups", backups.map(embedded -> BackupsView.of(embedded.overview(), locale)).orElse(null));
        model.addAttribute("zone", selected.map(NumberView::zone).orElse(DEFAULT_ZONE));
        return view;
    }
}
