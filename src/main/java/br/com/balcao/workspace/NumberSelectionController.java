package br.com.balcao.workspace;

import br.com.balcao.security.NumberSelection;
import br.com.balcao.shared.SafeRedirect;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

@Controller
record NumberSelectionController(NumberSelection selection) {

    @PostMapping("/numbers/select")
    RedirectView select(@RequestParam long numberId, @RequestParam(defaultValue = "/") String returnTo, HttpSession session) {
        selection.choose(numberId, session);
        return SafeRedirect.to(returnTo);
    }
}
