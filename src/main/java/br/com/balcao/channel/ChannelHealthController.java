package br.com.balcao.channel;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.security.AccessPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Settings → WhatsApp channel: each number's channel health, for admins. */
@Controller
record ChannelHealthController(ChannelHealthPanel panel, NumberDirectory numbers, AccessPolicy access) {

    @GetMapping("/settings/channel")
    String page(Model model) {
        access.requireAdmin();
        model.addAttribute("health", panel.of(numbers.all()));
        return "channel/health";
    }
}
