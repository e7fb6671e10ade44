package br.com.balcao.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PageBufferFilterTest {

    private final PageBufferFilter filter = new PageBufferFilter();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aPageIsHeldWholeUntilTheRequestEndsThoughTheViewFlushesIt() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/desk"), response, writesAndFlushes("text/html;charset=UTF-8"));

        assertThat(response.getBufferSize()).isEqualTo(PageBufferFilter.BUFFER_BYTES);
        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsString()).isEqualTo("<p>olá</p>");
    }

    @Test
    void whatIsNotHtmlIsFlushedAsItAsks() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/contacts/export"), response, writesAndFlushes("text/csv"));

        assertThat(response.isCommitted()).isTrue();
    }

    private FilterChain writesAndFlushes(String contentType) {
        return (request, answer) -> {
            answer.setContentType(contentType);
            answer.setCharacterEncoding("UTF-8");
            answer.getWriter().write("<p>olá</p>");
            answer.getWriter().flush();
        };
    }
}
