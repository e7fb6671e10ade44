package br.com.balcao.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey's reply buttons as {@code messages.payload} keeps them on the survey message
 * ({@code {"buttons": [{"id": "csat_42_good", "title": "Ótimo"}]}}), and the ids WhatsApp sends back.
 */
final class SurveyButtons {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("csat_(\\d{1,18})_([a-z]+)");

    private SurveyButtons() {
    }

    /** The ticket's buttons for the titles in order good, ok, bad (null: left out). */
    static List<ReplyButton> of(long ticketId, List<String> titles) {
        List<ReplyButton> buttons = new ArrayList<>();
        Satisfaction[] answers = Satisfaction.values();
        for (int i = 0; i < answers.length && i < titles.size(); i++) {
            if (titles.get(i) != null) {
                buttons.add(new ReplyButton("csat_" + ticketId + "_" + answers[i].idPart(), titles.get(i)));
            }
        }
        return List.copyOf(buttons);
    }

    static String stored(List<ReplyButton> buttons) {
        return JSON.writeValueAsString(Map.of("buttons", buttons.stream()
                .map(button -> Map.of("id", button.id(), "title", button.title())).toList()));
    }

    /** The buttons of a stored payload; none when it has no buttons (any other message). */
    static List<ReplyButton> read(String payload) {
        JsonNode buttons = payload == null ? JSON.missingNode() : JSON.readTree(payload).path("buttons");
        List<ReplyButton> read = new ArrayList<>();
        buttons.forEach(button -> read.add(new ReplyButton(button.path("id").asString(),
                button.path("title").asString())));
        return List.copyOf(read);
    }

    /** A tapped button's answer. */
    record Tap(long ticketId, Satisfaction answer) {
    }

    /** The survey answer a button reply's id names, if it is one. */
    static Optional<Tap> tap(String replyId) {
        Matcher matcher = replyId == null ? null : ID.matcher(replyId);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Satisfaction.ofIdPart(matcher.group(2))
                .map(answer -> new Tap(Long.parseLong(matcher.group(1)), answer));
    }
}
