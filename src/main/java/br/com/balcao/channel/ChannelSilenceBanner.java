package br.com.balcao.channel;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.shared.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The layout's banner, for admins and managers, while a number they see has received nothing from WhatsApp for an
 * unusual time in its service hours (full pages only, read from {@link ChannelSilence}'s last check).
 */
@ControllerAdvice
record ChannelSilenceBanner(AccessPolicy access, ChannelSilence silence) {

    record Banner(List<String> numberNames, boolean admin) {
    }

    @ModelAttribute
    void addChannelSilenceBanner(Model model, HttpServletRequest request) {
        Map<Long, ChannelSilence.Silence> silent = silence.silent();
        if (silent.isEmpty() || HtmxRequest.wantsFragment(request)) {
            return;
        }
        SignedInUser user = access.signedInUser().orElse(null);
        if (user == null || !user.isManager()) {
            return;
        }
        List<String> names = access.visibleNumbers().stream().filter(number -> silent.containsKey(number.id()))
                .map(NumberView::name).toList();
        if (!names.isEmpty()) {
            model.addAttribute("channelSilenceBanner", new Banner(names, user.isAdmin()));
        }
    }
}
