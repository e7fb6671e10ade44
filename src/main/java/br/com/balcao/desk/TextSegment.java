package br.com.balcao.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a message's text: plain text, a web address that the page may turn into a link, or words a search
 * matched. Only http and https addresses become links; everything is rendered as text, never as HTML.
 */
public record TextSegment(String text, boolean link, boolean match) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]",
            Pattern.CASE_INSENSITIVE);

    /** Words a search matched, drawn marked (and not as a link). */
    public static TextSegment matched(String text) {
        return new TextSegment(text, false, true);
    }

    /** The text cut into plain pieces and web addresses. */
    public static List<TextSegment> split(String text) {
        List<TextSegment> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return segments;
        }
        Matcher matcher = URL.matcher(text);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                segments.add(new TextSegment(text.substring(start, matcher.start()), false, false));
            }
            segments.add(new TextSegment(matcher.group(), true, false));
            start = matcher.end();
        }
        if (start < text.length()) {
            segments.add(new TextSegment(text.substring(start), false, false));
        }
        return segments;
    }
}
