package br.com.balcao.hostile;

import java.util.List;

/**
 * Text an attacker, a careless paste or an exotic phone puts into the product: markup and attribute
 * breakers, a {@code javascript:} link, control characters and header injection, bidirectional overrides,
 * zero-width characters, emoji built of surrogate pairs and joiners, and spreadsheet formulas. Each piece
 * is short enough for the tightest limit it is used with (a quick reply title holds 30 characters).
 */
public final class HostileText {

    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMAGE = "<img src=x onerror=alert(2)>";
    /** Closes a quoted attribute and opens an element, whichever quote the template used. */
    public static final String ATTRIBUTE_BREAKER = "\"'><i id=pwned>";
    public static final String JAVASCRIPT_URL = "javascript:alert(3)";
    /** Right-to-left override: "Ana exe.pdf" reads as "Ana fdp.exe". */
    public static final String RIGHT_TO_LEFT = "Ana \u202Efdp.exe";
    public static final String ZERO_WIDTH = "Jo\u200Bã\u200Co\u200D\uFEFF";
    /** A family joined by zero-width joiners, a flag, a skin tone, and a character outside the BMP. */
    public static final String EMOJI = "👩‍👩‍👧‍👦🇧🇷👍🏽𝄞";
    public static final String CONTROL = "bell\u0007 esc\u001B[31m";
    public static final String HEADER_INJECTION = "x\r\nSet-Cookie: pwned=1";
    public static final String NUL = "before\u0000after";
    /** Sixty letters, each under forty combining marks: sixty characters to a person, 2,460 code points. */
    public static final String ZALGO = ("a" + "\u0301\u0483".repeat(20)).repeat(60);

    public static final String FORMULA_HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"ok\")";
    public static final String FORMULA_PLUS = "+SUM(1,2)";
    public static final String FORMULA_MINUS = "-2+3+cmd|' /C calc'!A0";
    public static final String FORMULA_AT = "@SUM(1+1)";
    public static final List<String> FORMULAS = List.of(FORMULA_HYPERLINK, FORMULA_PLUS, FORMULA_MINUS, FORMULA_AT);

    /** A name that fits the contact name's 120 characters (a longer WhatsApp profile name is cut). */
    public static final String NAME = SCRIPT + " " + IMAGE + " " + ATTRIBUTE_BREAKER + " " + RIGHT_TO_LEFT + " " + EMOJI;
    /** A value that fits a city's 80 characters. */
    public static final String CITY = JAVASCRIPT_URL + " " + CONTROL;

    /** Every piece that must come back on a page exactly as typed (NUL aside: it cannot be stored). */
    public static final List<String> SHOWN = List.of(SCRIPT, IMAGE, ATTRIBUTE_BREAKER, JAVASCRIPT_URL, RIGHT_TO_LEFT,
            ZERO_WIDTH, EMOJI, CONTROL);

    /** What would run or inject if a page wrote the text unescaped: none of it may appear in any HTML. */
    public static final List<String> RAW_MARKUP = List.of("<script>alert(", "<img src=x", "onerror=alert(2)>",
            "<i id=pwned>", "href=\"javascript:", "href='javascript:");

    private HostileText() {
    }

    /** All the pieces shown on a page, one after the other, to fill a field that takes long text. */
    public static String all() {
        return String.join(" ", SHOWN) + " " + HEADER_INJECTION;
    }

    /** A string of this many characters (code points), made of a hostile piece repeated. */
    public static String ofLength(int length) {
        StringBuilder text = new StringBuilder(SCRIPT);
        while (text.codePointCount(0, text.length()) < length) {
            text.append('x');
        }
        return text.toString();
    }
}
