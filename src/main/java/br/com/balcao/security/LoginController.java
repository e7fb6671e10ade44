package br.com.balcao.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(Authentication authentication, @RequestParam(required = false) String retry, Model model) {
        boolean signedIn = authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated();
        if (signedIn) {
            return "redirect:/";
        }
        RetryWait.fromSeconds(retry).ifPresent(wait -> model.addAttribute("retryWait", wait));
        return "security/login";
    }
}
