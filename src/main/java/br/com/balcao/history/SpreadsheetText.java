package br.com.balcao.history;

/**
 * Customer-written text for a CSV that people open in a spreadsheet: a value that a spreadsheet would run
 * as a formula (starting with =, @, a tab or a return, or + / - before something other than a digit) gets
 * a leading apostrophe. Phone numbers such as +5511... are left as they are.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '@' || first == '\t' || first == '\r'
                || ((first == '+' || first == '-') && (value.length() == 1 || !Character.isDigit(value.charAt(1))));
        return formula ? "'" + value : value;
    }
}
