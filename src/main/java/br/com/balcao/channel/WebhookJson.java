package br.com.balcao.channel;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of a JSON tree that refuse the wrong type with the path of the offending member. Missing
 * and null members are the same thing; an optional member is null (or an empty list) when absent.
 */
final class WebhookJson {

    private WebhookJson() {
    }

    static JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MalformedWebhookException(path + " is not an object");
        }
        return node;
    }

    static JsonNode requiredObject(JsonNode parent, String field, String path) {
        return object(parent.get(field), at(path, field));
    }

    static JsonNode optionalObject(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : object(node, at(path, field));
    }

    static List<JsonNode> requiredArray(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new MalformedWebhookException(at(path, field) + " is not an array");
        }
        return List.copyOf(node.values());
    }

    static List<JsonNode> optionalArray(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? List.of() : requiredArray(parent, field, path);
    }

    static String string(JsonNode parent, String field, String path) {
        String value = optionalString(parent, field, path);
        if (value == null) {
            throw new MalformedWebhookException(at(path, field) + " is missing");
        }
        return value;
    }

    static String optionalString(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new MalformedWebhookException(at(path, field) + " is not a string");
        }
        // PostgreSQL cannot store NUL in text, and a customer's message must not be refused for it.
        return node.stringValue().replace("\u0000", "");
    }

    /**
     * An id as sent: one with a control character (NUL included) is refused rather than cleaned, since two ids
     * that differ only there would become one, and ids are what repeated deliveries are recognised by.
     */
    static String identifier(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedWebhookException(at(path, field) + " is missing");
        }
        if (!node.isString()) {
            throw new MalformedWebhookException(at(path, field) + " is not a string");
        }
        String id = node.stringValue();
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedWebhookException(at(path, field) + " holds a control character");
        }
        return id;
    }

    static Integer optionalInt(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MalformedWebhookException(at(path, field) + " is not an integer");
        }
        return node.intValue();
    }

    static double number(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isNumber()) {
            throw new MalformedWebhookException(at(path, field) + " is not a number");
        }
        return node.doubleValue();
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
