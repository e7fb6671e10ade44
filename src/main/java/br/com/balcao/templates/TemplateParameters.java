package br.com.balcao.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meta's rules for the values of a template's body parameters ({{1}}, {{2}}, ...) and the preview of the text
 * they make, as the active message component shows it before sending.
 */
public final class TemplateParameters {

    /** Meta's limit for one body parameter. */
    public static final int MAX_VALUE_LENGTH = 1024;
    /** Meta's limit for a header's text, its variable's value included. */
    public static final int MAX_HEADER_LENGTH = 60;

    static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\d+)}}");
    /** Meta refuses parameters with line breaks, tabs or more than four consecutive spaces. */
    private static final Pattern BAD_VALUE = Pattern.compile("[\\n\\r\\t]| {5,}");

    private TemplateParameters() {
    }

    /** Why Meta would refuse the values: the rule broken and the variable ({{n}}), or the count expected. */
    public record Refusal(Rule rule, int variable) {

        public enum Rule { COUNT, EMPTY, LONG, FORMAT, HEADER }

        /** {@code {{n}}}; for {@link Rule#COUNT} the number of variables, for {@link Rule#HEADER} the header's limit. */
        public String argument() {
            return switch (rule) {
                case COUNT, HEADER -> String.valueOf(variable);
                default -> "{{" + variable + "}}";
            };
        }
    }

    /** One value per variable, each present, at most 1,024 characters and on one line; the first refusal if not. */
    public static Optional<Refusal> check(TemplateView template, List<String> values) {
        int expected = template.variableCount();
        if (values.size() != expected) {
            return Optional.of(new Refusal(Refusal.Rule.COUNT, expected));
        }
        for (int i = 0; i < expected; i++) {
            String value = stripped(values.get(i));
            int variable = i + 1;
            if (value.isEmpty()) {
                return Optional.of(new Refusal(Refusal.Rule.EMPTY, variable));
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                return Optional.of(new Refusal(Refusal.Rule.LONG, variable));
            }
            if (BAD_VALUE.matcher(value).find()) {
                return Optional.of(new Refusal(Refusal.Rule.FORMAT, variable));
            }
        }
        return Optional.empty();
    }

    /**
     * What fills the template's header text: the value of its {{1}} (present, on one line, the header at most
     * 60 characters); the refusal if not. A media header's file is checked and kept by the caller.
     */
    public static HeaderCheck header(TemplateView template, String text) {
        TemplateLayout.Header header = template.layout().header();
        if (header == null || header.format().media() || !header.hasVariable()) {
            return new HeaderCheck(null, Optional.empty());
        }
        String value = stripped(text);
        String filled = VARIABLE.matcher(header.text()).replaceAll(Matcher.quoteReplacement(value));
        if (value.isEmpty() || BAD_VALUE.matcher(value).find() || filled.length() > MAX_HEADER_LENGTH) {
            return new HeaderCheck(null, Optional.of(new Refusal(Refusal.Rule.HEADER, MAX_HEADER_LENGTH)));
        }
        return new HeaderCheck(new TemplateHeader(value, null), Optional.empty());
    }

    /** What fills the header (null: nothing to fill), or why Meta would refuse it. */
    public record HeaderCheck(TemplateHeader header, Optional<Refusal> refusal) {
    }

    /** The values as they are sent: without the spaces around them. */
    public static List<String> stripped(List<String> values) {
        return values.stream().map(TemplateParameters::stripped).toList();
    }

    /** The values an agent starts from: {{1}} is the contact's name when known, the others are empty. */
    public static List<String> startingValues(TemplateView template, String contactName) {
        List<String> values = new ArrayList<>();
        for (int index = 1; index <= template.variableCount(); index++) {
            values.add(index == 1 && contactName != null && !contactName.isBlank() ? contactName.strip() : "");
        }
        return List.copyOf(values);
    }

    /** A piece of the preview: fixed text (variable 0), or the value of {{variable}} ({{variable}} itself while empty). */
    public record PreviewPart(String text, int variable, boolean empty) {
    }

    /** The body cut into fixed text and variables, as the page's script also does while the agent types. */
    public static List<PreviewPart> preview(String body, List<String> values) {
        List<PreviewPart> parts = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(body);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                parts.add(new PreviewPart(body.substring(start, matcher.start()), 0, false));
            }
            int index = Integer.parseInt(matcher.group(1));
            String value = index >= 1 && index <= values.size() ? values.get(index - 1) : "";
            parts.add(value.isEmpty() ? new PreviewPart(matcher.group(), index, true)
                    : new PreviewPart(value, index, false));
            start = matcher.end();
        }
        if (start < body.length()) {
            parts.add(new PreviewPart(body.substring(start), 0, false));
        }
        return parts;
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }
}
