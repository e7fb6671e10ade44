package br.com.balcao.templates;

/**
 * What fills a template's header when it is sent: the value of its text's one variable ({{1}}), or its media.
 * Either may be null; a header of fixed text needs neither.
 */
public record TemplateHeader(String text, HeaderMedia media) {

    /** Whether the header needs no parameter at all. */
    public boolean empty() {
        return (text == null || text.isEmpty()) && media == null;
    }
}
