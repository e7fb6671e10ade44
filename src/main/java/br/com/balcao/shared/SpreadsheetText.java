package br.com.balcao.shared;

import java.util.regex.Pattern;

/**
 * Text for a CSV that people open in a spreadsheet. A value that a spreadsheet would run as a formula
 * (starting with =, @, a tab or a return, or with + or - unless it is a plain number or phone such as
 * +55 11 91234-5678 or -12.5) gets a leading apostrophe, which spreadsheets show as text and do not display.
 * The contacts import takes that apostrophe off again, so an exported file imports back unchanged.
 */
public final class SpreadsheetText {

    /** A sign followed only by digits and the punctuation of numbers and phones: nothing a formula can call. */
    private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-][0-9 ().,/-]*");

    private SpreadsheetText() {
    }

    public static String safe(String value) {
        return isFormula(value) ? "'" + value : value;
    }

    /** The value as it was before {@link #safe}: an apostrophe that protects a formula is taken off. */
    public static String unsafe(String value) {
        return value != null && value.startsWith("'") && isFormula(value.substring(1)) ? value.substring(1) : value;
    }

    private static boolean isFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && !SIGNED_NUMBER.matcher(value).matches());
    }
}
