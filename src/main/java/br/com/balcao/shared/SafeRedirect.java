package br.com.balcao.shared;

import org.springframework.web.servlet.view.RedirectView;

/** Keeps "return to" redirects inside the app, so that a crafted link cannot send a user elsewhere. */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    private static String localPath(String candidate) {
        if (candidate == null || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return candidate;
    }

    /**
     * A redirect to the local path, taken literally. {@code "redirect:" + path} would read {@code {x}} in it as a
     * URI template variable to fill in, and fail without one (500).
     */
    public static RedirectView to(String candidate) {
        RedirectView redirect = new RedirectView(localPath(candidate), true);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
