package br.com.balcao.settings;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the installation has its first admin, every page leads to the first-run setup: nobody could sign in
 * anyway. The setup page's own files, the health probes and Meta's webhook are left alone.
 */
class FirstRunGuard extends OncePerRequestFilter {

    static final String SETUP = "/setup";
    private static final List<String> LEFT_ALONE = List.of(SETUP, "/webjars/", "/css/", "/js/", "/img/",
            "/favicon.", "/actuator/health", "/webhooks/", "/error");

    private final FirstRun firstRun;

    FirstRunGuard(FirstRun firstRun) {
        this.firstRun = firstRun;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return LEFT_ALONE.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (firstRun.isPending()) {
            response.sendRedirect(request.getContextPath() + SETUP);
            return;
        }
        chain.doFilter(request, response);
    }
}
