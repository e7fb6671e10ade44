package br.com.balcao.channel;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /webhooks/whatsapp}, Meta's busiest call, answered ahead of every other servlet filter and of
 * Spring MVC: it needs no session, no security context (the signature is its authentication) and no
 * dispatch, a large part of a message's cost (docs/benchmarks.md, "The webhook ahead of the servlet frame").
 * Meta's handshake ({@code GET}) goes on to {@link WebhookController}.
 */
final class WebhookFilter implements Filter {

    static final String PATH = "/webhooks/whatsapp";

    private final WebhookReceiver receiver;

    WebhookFilter(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "POST".equals(http.getMethod())) {
            receiver.receive(http, (HttpServletResponse) response);
            return;
        }
        chain.doFilter(request, response);
    }
}
