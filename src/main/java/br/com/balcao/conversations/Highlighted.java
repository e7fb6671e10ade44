package br.com.balcao.conversations;

import br.com.balcao.desk.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into plain and matching pieces. PostgreSQL's {@code ts_headline} marks the matches with two
 * control characters that no message carries; the page then draws each piece with {@code th:text}, so the
 * customer's text is never read as HTML.
 */
public record Highlighted(String text, boolean match) {

    static final String START = "\u0002";
    static final String STOP = "\u0003";
    /** The ts_headline options with these markers; append the other options after a comma. */
    static final String MARKERS_SQL = "'StartSel=' || chr(2) || ', StopSel=' || chr(3)";
    /**
     * ts_headline drops what looks like an HTML tag; the text goes in with its '<' replaced by this character
     * (see {@link #sql}) and comes back whole.
     */
    private static final char LESS_THAN = '\u0001';

    /** The text expression for ts_headline, with '<' kept out of its tag parser. */
    static String sql(String textExpression) {
        return "replace(" + textExpression + ", '<', chr(1))";
    }

    /** A headline as a timeline draws it: the matches marked, web addresses in the rest as links. */
    static List<TextSegment> segments(String headline) {
        List<TextSegment> segments = new ArrayList<>();
        for (Highlighted piece : split(headline)) {
            if (piece.match()) {
                segments.add(TextSegment.matched(piece.text()));
            } else {
                segments.addAll(TextSegment.split(piece.text()));
            }
        }
        return segments;
    }

    static List<Highlighted> split(String headline) {
        List<Highlighted> pieces = new ArrayList<>();
        if (headline == null || headline.isEmpty()) {
            return pieces;
        }
        String marked = headline.replace(LESS_THAN, '<');
        int position = 0;
        while (position < marked.length()) {
            int start = marked.indexOf(START, position);
            if (start < 0) {
                pieces.add(new Highlighted(marked.substring(position), false));
                break;
            }
            if (start > position) {
                pieces.add(new Highlighted(marked.substring(position, start), false));
            }
            int stop = marked.indexOf(STOP, start);
            int end = stop < 0 ? marked.length() : stop;
            pieces.add(new Highlighted(marked.substring(start + 1, end), true));
            position = stop < 0 ? marked.length() : stop + 1;
        }
        return pieces;
    }
}
