package br.com.balcao.templates;

/** What a template's HEADER holds, as Meta's {@code format} names it. */
public enum HeaderFormat {
    TEXT,
    IMAGE,
    VIDEO,
    DOCUMENT,
    LOCATION;

    /** Whether sending the template needs a file for its header. */
    public boolean media() {
        return this == IMAGE || this == VIDEO || this == DOCUMENT;
    }
}
