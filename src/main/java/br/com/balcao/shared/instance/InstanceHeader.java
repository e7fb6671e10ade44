package br.com.balcao.shared.instance;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Names the instance that answered ({@code X-Balcao-Instance}) when {@code balcao.instance-name} is set, so that
 * behind a load balancer a client (the balancer benchmark, an operator with curl) sees which one served it.
 */
record InstanceHeader(String name) implements Filter {

    static final String HEADER = "X-Balcao-Instance";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) response).setHeader(HEADER, name);
        chain.doFilter(request, response);
    }
}
