package br.com.balcao.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One contact card a customer shared (a CONTACTS message), as its payload keeps Meta's {@code contacts[]}:
 * the name ({@code name.formatted_name}, else its parts) and the phones ({@code phones[].phone}, else the
 * WhatsApp id). Whatever else the card holds stays in the payload.
 */
public record SharedContact(String name, List<String> phones) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The cards of a CONTACTS message's payload; none when it holds none or is not what WhatsApp sends. */
    public static List<SharedContact> of(String payload) {
        if (payload == null) {
            return List.of();
        }
        JsonNode cards;
        try {
            cards = JSON.readTree(payload);
        } catch (JacksonException notJson) {
            return List.of();
        }
        List<SharedContact> contacts = new ArrayList<>();
        for (JsonNode card : cards.isArray() ? cards.values() : List.<JsonNode>of()) {
            List<String> phones = new ArrayList<>();
            for (JsonNode phone : card.path("phones").isArray() ? card.path("phones").values() : List.<JsonNode>of()) {
                String number = text(phone, "phone");
                String waId = text(phone, "wa_id");
                if (number != null || waId != null) {
                    phones.add(number != null ? number : "+" + waId);
                }
            }
            contacts.add(new SharedContact(name(card.path("name")), List.copyOf(phones)));
        }
        return List.copyOf(contacts);
    }

    private static String name(JsonNode name) {
        String formatted = text(name, "formatted_name");
        if (formatted != null) {
            return formatted;
        }
        String parts = String.join(" ", Stream.of("first_name", "middle_name", "last_name")
                .map(field -> text(name, field)).filter(part -> part != null).toList());
        return parts.isEmpty() ? null : parts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue().strip() : null;
    }
}
