package br.com.balcao.settings;

import br.com.balcao.security.AccessPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /settings} opens its first tab, the numbers; agents and managers get 403. */
@Controller
record SettingsController(AccessPolicy access) {

    @GetMapping("/settings")
    String settings() {
        access.requireAdmin();
        return "redirect:/settings/numbers";
    }
}
