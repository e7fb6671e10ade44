package br.com.balcao.conversations;

import java.util.Locale;

/**
 * What the user typed, read as a name (any letter in it) or as a run of phone digits (formatting ignored:
 * "(11) 99887" is 1199887). Shorter than three characters or digits it cannot use the trigram indexes, so
 * it is not searched.
 */
record SearchQuery(String text, Kind kind, String term) {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 100;

    enum Kind {
        NAME,
        PHONE,
        TOO_SHORT,
        EMPTY
    }

    static SearchQuery of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        if (text.isEmpty()) {
            return new SearchQuery(text, Kind.EMPTY, "");
        }
        if (text.codePoints().anyMatch(Character::isLetter)) {
            String collapsed = text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            return new SearchQuery(text, collapsed.length() < MIN_LENGTH ? Kind.TOO_SHORT : Kind.NAME, collapsed);
        }
        String digits = text.replaceAll("\\D", "");
        return new SearchQuery(text, digits.length() < MIN_LENGTH ? Kind.TOO_SHORT : Kind.PHONE, digits);
    }

    /** The term inside a LIKE pattern: its own %, _ and \ match themselves. */
    String likeTerm() {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    boolean searchable() {
        return kind == Kind.NAME || kind == Kind.PHONE;
    }
}
