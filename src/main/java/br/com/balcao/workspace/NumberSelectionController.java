package br.com.balcao.workspace;

import br.com.balcao.shared.SafeRedirect;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class NumberSelectionController {

    private final NumberSelection selection;

    NumberSelectionController(NumberSelection selection) {
        this.selection = selection;
    }

    @PostMapping("/numbers/select")
    String select(@RequestParam long numberId, @RequestParam(defaultValue = "/") String returnTo, HttpSession session) {
        selection.choose(numberId, session);
        return "redirect:" + SafeRedirect.localPath(returnTo);
    }
}
