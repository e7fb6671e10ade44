package br.com.balcao.workspace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Rewrites the links of a page to static resources through the resource chain (a version-less webjar path
 * becomes the versioned one), as Spring's {@link ResourceUrlEncodingFilter} does, which it replaces, but
 * only for static paths. Spring's filter resolves every link Thymeleaf builds; a link to a page such as
 * {@code /desk/tickets/42} matches the static handler's {@code /**} and is looked for in every static
 * location of the classpath, uncached because it is never found: most of a page's CPU ("The fixed cost of a
 * page" in docs/benchmarks.md).
 */
@Component
class StaticResourceLinkFilter extends ResourceUrlEncodingFilter {

    private static final List<String> STATIC_FOLDERS = List.of("/webjars/", "/css/", "/js/", "/img/");

    private final ObjectProvider<ResourceUrlProvider> resourceUrls;

    StaticResourceLinkFilter(ObjectProvider<ResourceUrlProvider> resourceUrls) {
        this.resourceUrls = resourceUrls;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest page && response instanceof HttpServletResponse pageResponse) {
            chain.doFilter(request, new LinkResolvingResponse(page, pageResponse));
        } else {
            chain.doFilter(request, response);
        }
    }

    private final class LinkResolvingResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        LinkResolvingResponse(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public String encodeURL(String url) {
            if (isStatic(url)) {
                ResourceUrlProvider provider = resourceUrls.getIfAvailable();
                String resolved = provider == null ? null : provider.getForRequestUrl(request, url);
                if (resolved != null) {
                    return super.encodeURL(resolved);
                }
            }
            return super.encodeURL(url);
        }

        private boolean isStatic(String url) {
            String contextPath = request.getContextPath();
            return url.startsWith(contextPath)
                    && STATIC_FOLDERS.stream().anyMatch(folder -> url.startsWith(folder, contextPath.length()));
        }
    }
}
