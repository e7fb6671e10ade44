package br.com.balcao.numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * A number's satisfaction survey: whether a ticket that ends served is followed by the question with up to
 * three reply buttons (good, ok, bad; a blank title leaves its button out), and, unless blank, the prompt sent after
 * an answer for a comment.
 */
public record SurveySettings(boolean enabled, String question, String goodTitle, String okTitle, String badTitle,
        String commentPrompt) {

    /** WhatsApp's limits for an interactive message with reply buttons. */
    public static final int MAX_QUESTION = 1024;
    public static final int MAX_TITLE = 20;
    /** What a number starts with (V19 has the same defaults). */
    public static final SurveySettings DEFAULT = new SurveySettings(false, "Como você avalia o nosso atendimento?",
            "Ótimo", "Bom", "Ruim", "");

    /** The buttons' titles in order (good, ok, bad), null for a button left out. */
    public List<String> titles() {
        List<String> titles = new ArrayList<>();
        titles.add(blankAsNull(goodTitle));
        titles.add(blankAsNull(okTitle));
        titles.add(blankAsNull(badTitle));
        return titles;
    }

    private static String blankAsNull(String title) {
        return title == null || title.isBlank() ? null : title.strip();
    }
}
