package br.com.balcao.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a GET should answer with a page's fragment: htmx asked for it, and it is not htmx restoring a page
 * of its history that it no longer holds (then it wants the whole page). The answer varies with the header,
 * so that no cache hands a fragment to a browser that asked for the page.
 */
public final class HtmxRequest {

    private HtmxRequest() {
    }

    public static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Vary", "HX-Request");
        return wantsFragment(request);
    }

    /** The same question for what only pages need (the header's data): a history restore is a page. */
    public static boolean wantsFragment(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null;
    }
}
