package br.com.balcao.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of a message's text: plain text, or a web address that the page may turn into a link. Only
 * http and https addresses become links; everything is rendered as text, never as HTML.
 */
public record TextSegment(String text, boolean link) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]",
            Pattern.CASE_INSENSITIVE);

    public static List<TextSegment> split(String text) {
        List<TextSegment> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return segments;
        }
        Matcher matcher = URL.matcher(text);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                segments.add(new TextSegment(text.substring(start, matcher.start()), false));
            }
            segments.add(new TextSegment(matcher.group(), true));
            start = matcher.end();
        }
        if (start < text.length()) {
            segments.add(new TextSegment(text.substring(start), false));
        }
        return segments;
    }
}
