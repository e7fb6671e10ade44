package br.com.balcao.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text as people see it: an accented letter or an emoji (with its skin tone, or a family joined by
 * zero-width joiners) is one character, whatever its UTF-16 or code point length. Limits on names and
 * titles count these characters.
 */
public final class VisibleText {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private VisibleText() {
    }

    /** Trimmed and in composed form (a decomposed "é" becomes one code point), as it is stored. */
    public static String normalize(String value) {
        return value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** The number of characters a person counts (extended grapheme clusters). */
    public static int length(String value) {
        return value == null ? 0 : (int) GRAPHEME.matcher(value).results().count();
    }
}
