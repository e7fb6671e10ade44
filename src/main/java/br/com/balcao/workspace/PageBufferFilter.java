package br.com.balcao.workspace;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Sends a page in one piece when the request ends: a buffer that holds a whole page (the largest, the home
 * page, is about 54 KB), and the flush with which Thymeleaf ends its rendering held back for HTML. That flush
 * committed the response in the middle of the filter chain, and the session filter, which saves the session
 * on commit, then read the session back from the database (and deserialised it) when the request ended: a
 * second lookup per page. Streams (server-sent events, downloads) write through the output stream or are not
 * HTML and flush as they always did. The innermost filter, so that every wrapper outside it sees one commit.
 */
class PageBufferFilter implements Filter {

    static final int BUFFER_BYTES = 64 * 1024;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse page) {
            page.setBufferSize(BUFFER_BYTES);
            chain.doFilter(request, new HtmlHeldUntilTheEnd(page));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class HtmlHeldUntilTheEnd extends HttpServletResponseWrapper {

        private PrintWriter writer;

        HtmlHeldUntilTheEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter target = super.getWriter();
                writer = new PrintWriter(target, false) {
                    @Override
                    public void flush() {
                        if (!isHtml()) {
                            super.flush();
                        }
                    }
                };
            }
            return writer;
        }

        private boolean isHtml() {
            String type = getContentType();
            return type != null && type.startsWith("text/html");
        }
    }
}
