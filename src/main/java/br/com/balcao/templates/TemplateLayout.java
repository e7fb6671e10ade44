package br.com.balcao.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a template shows around its body, read from Meta's components (HEADER, FOOTER, BUTTONS): a local template
 * has none of them. A template this app cannot fill in is not sendable: a LOCATION header, a button that takes a
 * parameter (a URL ending in a variable, a copy code, a one-time password, a flow, a catalogue), or a body whose
 * variables are named rather than numbered.
 */
public record TemplateLayout(Header header, String footer, List<Button> buttons, boolean sendable) {

    public static final TemplateLayout NONE = new TemplateLayout(null, null, List.of(), true);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern NAMED_VARIABLE = Pattern.compile("\\{\\{\\s*[^0-9}\\s][^}]*}}");

    /** The header: its format, and for TEXT its text (which may hold one variable, {{1}}). */
    public record Header(HeaderFormat format, String text) {

        /** Whether the header text takes a value ({{1}}). */
        public boolean hasVariable() {
            return format == HeaderFormat.TEXT && text != null && ANY_VARIABLE.matcher(text).find();
        }
    }

    /** A button as the customer sees it; {@code target} is the URL or the phone number it opens. */
    public record Button(Kind kind, String text, String target) {

        public enum Kind { QUICK_REPLY, URL, PHONE_NUMBER, OTHER }
    }

    public boolean hasHeader() {
        return header != null;
    }

    /** Whether sending asks for a file for the header. */
    public boolean mediaHeader() {
        return header != null && header.format().media();
    }

    /** Meta's components as the template list answers them; a missing or unreadable list is no layout. */
    public static TemplateLayout of(String componentsJson, String body) {
        if (componentsJson == null || componentsJson.isBlank()) {
            return NONE;
        }
        JsonNode components;
        try {
            components = JSON.readTree(componentsJson);
        } catch (JacksonException e) {
            return NONE;
        }
        Header header = null;
        String footer = null;
        List<Button> buttons = new ArrayList<>();
        boolean sendable = body == null || !NAMED_VARIABLE.matcher(body).find();
        for (JsonNode component : components) {
            switch (text(component, "type").toUpperCase(Locale.ROOT)) {
                case "HEADER" -> {
                    HeaderFormat format = format(text(component, "format"));
                    header = new Header(format == null ? HeaderFormat.TEXT : format, text(component, "text"));
                    sendable &= format != null && format != HeaderFormat.LOCATION
                            && !NAMED_VARIABLE.matcher(header.text()).find();
                }
                case "FOOTER" -> footer = text(component, "text");
                case "BUTTONS" -> {
                    for (JsonNode button : component.path("buttons")) {
                        Button read = button(button);
                        buttons.add(read);
                        sendable &= read.kind() != Button.Kind.OTHER
                                && !(read.kind() == Button.Kind.URL && ANY_VARIABLE.matcher(read.target()).find());
                    }
                }
                default -> { }
            }
        }
        return new TemplateLayout(header, footer, List.copyOf(buttons), sendable);
    }

    /** The text of the BODY component, or null when there is none (or the components cannot be read). */
    static String bodyOf(String componentsJson) {
        try {
            for (JsonNode component : JSON.readTree(componentsJson == null ? "[]" : componentsJson)) {
                if ("BODY".equalsIgnoreCase(text(component, "type"))) {
                    return text(component, "text");
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        return null;
    }

    private static Button button(JsonNode button) {
        String type = text(button, "type").toUpperCase(Locale.ROOT);
        return switch (type) {
            case "QUICK_REPLY" -> new Button(Button.Kind.QUICK_REPLY, text(button, "text"), "");
            case "URL" -> new Button(Button.Kind.URL, text(button, "text"), text(button, "url"));
            case "PHONE_NUMBER" -> new Button(Button.Kind.PHONE_NUMBER, text(button, "text"),
                    text(button, "phone_number"));
            default -> new Button(Button.Kind.OTHER, text(button, "text"), type);
        };
    }

    private static HeaderFormat format(String format) {
        try {
            return HeaderFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : "";
    }
}
