package br.com.balcao.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.unbescape.html.HtmlEscape;

/** Checks that a page shows hostile text as text: escaped where it appears, never as markup. */
final class PlainTextAssert {

    private PlainTextAssert() {
    }

    /**
     * Each value appears escaped as Thymeleaf's {@code th:text} escapes it ({@code < > & " '}), and no piece of
     * markup from the corpus appears raw anywhere on the page.
     */
    static void assertShownAsText(String html, String page, String... values) {
        assertNoRawMarkup(html, page);
        for (String value : values) {
            assertThat(html.contains(HtmlEscape.escapeHtml4Xml(value))).as("%s shows %s escaped", page, value).isTrue();
        }
    }

    static void assertNoRawMarkup(String html, String page) {
        for (String markup : HostileText.RAW_MARKUP) {
            int at = html.indexOf(markup);
            assertThat(at).as("%s must not contain the raw markup %s, found in: %s", page, markup,
                    at < 0 ? "" : html.substring(Math.max(0, at - 200), Math.min(html.length(), at + 100))).isNegative();
        }
    }
}
