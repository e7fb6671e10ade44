package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookJson.identifier;
import static br.com.balcao.channel.WebhookJson.number;
import static br.com.balcao.channel.WebhookJson.object;
import static br.com.balcao.channel.WebhookJson.optionalArray;
import static br.com.balcao.channel.WebhookJson.optionalInt;
import static br.com.balcao.channel.WebhookJson.optionalObject;
import static br.com.balcao.channel.WebhookJson.optionalString;
import static br.com.balcao.channel.WebhookJson.requiredArray;
import static br.com.balcao.channel.WebhookJson.requiredObject;
import static br.com.balcao.channel.WebhookJson.string;

import br.com.balcao.tickets.DeliveryStatus;
import br.com.balcao.tickets.MessageType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Meta's webhook envelope ({@code object=whatsapp_business_account}) into the changes it carries.
 * The whole body is read before anything is stored. A body that is not the envelope (its entries, changes,
 * values, their metadata and the arrays they hold) is refused as a whole; one message, status or contact of the
 * wrong shape is logged and left out, and the rest is stored: Meta would deliver the same bytes again, to the
 * same result, for days. A template's status change ({@code message_template_status_update}) is read in a branch of
 * its own; changes of other webhook fields (account updates, ...) are skipped.
 */
@Component
class WebhookEnvelopeParser {

    private static final Pattern WA_ID = Pattern.compile("[0-9]{5,20}");
    private static final int MAX_WAMID = 255;
    private static final int MAX_MEDIA_ID = 128;
    private static final int MAX_MIME_TYPE = 127;
    private static final int MAX_FILE_NAME = 255;
    private static final int MAX_EMOJI = 64;
    private static final int MAX_TYPE_NAME = 64;
    /** Meta: a reply button's id has at most 256 characters. */
    private static final int MAX_REPLY_ID = 256;

    private static final Logger log = LoggerFactory.getLogger(WebhookEnvelopeParser.class);
    private static final String OBJECT = "whatsapp_business_account";
    private static final String MESSAGES_FIELD = "messages";
    private static final String REACTION = "reaction";
    private static final String TEMPLATE_STATUS_FIELD = "message_template_status_update";

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Clock clock;

    WebhookEnvelopeParser(Clock clock) {
        this.clock = clock;
    }

    /** The changes in the envelope, in order, without the items that could not be read. */
    List<WebhookChange> parse(byte[] body) {
        Instant receivedAt = clock.instant();
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("the body is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("the body is not a JSON object");
        }
        if (!OBJECT.equals(string(root, "object", ""))) {
            throw new MalformedWebhookException("object is not " + OBJECT);
        }
        List<WebhookChange> changes = new ArrayList<>();
        List<JsonNode> entries = requiredArray(root, "entry", "");
        for (int e = 0; e < entries.size(); e++) {
            String entryPath = "entry[" + e + "]";
            List<JsonNode> entryChanges = requiredArray(object(entries.get(e), entryPath), "changes", entryPath);
            for (int c = 0; c < entryChanges.size(); c++) {
                String path = entryPath + ".changes[" + c + "]";
                JsonNode change = object(entryChanges.get(c), path);
                String field = optionalString(change, "field", path);
                if (field == null || MESSAGES_FIELD.equals(field)) {
                    changes.add(change(requiredObject(change, "value", path), path + ".value", receivedAt));
                } else if (TEMPLATE_STATUS_FIELD.equals(field)) {
                    templateStatus(entries.get(e), change, path).ifPresent(changes::add);
                }
            }
        }
        return changes;
    }

    private static WebhookChange change(JsonNode value, String path, Instant receivedAt) {
        String phoneNumberId = identifier(requiredObject(value, "metadata", path), "phone_number_id",
                path + ".metadata");
        Map<String, String> profileNames = new HashMap<>();
        for (Profile profile : items(value, "contacts", path, WebhookEnvelopeParser::profile)) {
            profileNames.put(profile.waId(), profile.name());
        }
        List<InboundMessage> messages = items(value, "messages", path,
                (message, messagePath) -> REACTION.equals(optionalString(message, "type", messagePath)) ? null
                        : message(message, profileNames, messagePath, receivedAt));
        List<StatusUpdate> statuses = items(value, "statuses", path,
                (status, statusPath) -> status(status, statusPath, receivedAt));
        List<InboundReaction> reactions = items(value, "messages", path,
                (message, messagePath) -> REACTION.equals(optionalString(message, "type", messagePath))
                        ? reaction(message, messagePath, receivedAt) : null);
        return new WebhookChange(phoneNumberId, messages, statuses, reactions);
    }

    /** A template's new status, for the account the entry names; logged and left out when it cannot be read. */
    private static Optional<WebhookChange> templateStatus(JsonNode entry, JsonNode change, String path) {
        try {
            JsonNode value = requiredObject(change, "value", path);
            String valuePath = path + ".value";
            JsonNode templateId = value.get("message_template_id");
            String metaTemplateId = templateId == null || templateId.isNull() ? null
                    : templateId.isIntegralNumber() ? templateId.asString()
                    : identifier(value, "message_template_id", valuePath);
            return Optional.of(WebhookChange.of(new TemplateStatusUpdate(identifier(entry, "id", path),
                    metaTemplateId, optionalString(value, "message_template_name", valuePath),
                    optionalString(value, "message_template_language", valuePath), string(value, "event", valuePath),
                    optionalString(value, "reason", valuePath))));
        } catch (MalformedWebhookException e) {
            log.warn("Skipped a template status change of a signed WhatsApp webhook: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The items of the array that {@code reader} (given an item and its path) could read, but for those it reads
     * as null; each of the others is logged and left out.
     */
    private static <T> List<T> items(JsonNode value, String field, String path,
                                     BiFunction<JsonNode, String, T> reader) {
        List<JsonNode> nodes = optionalArray(value, field, path);
        List<T> items = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = path + "." + field + "[" + i + "]";
            try {
                T item = reader.apply(object(nodes.get(i), itemPath), itemPath);
                if (item != null) {
                    items.add(item);
                }
            } catch (MalformedWebhookException e) {
                log.warn("Skipped an item of a signed WhatsApp webhook, the rest is stored: {}", e.getMessage());
            }
        }
        return List.copyOf(items);
    }

    private record Profile(String waId, String name) {
    }

    /** A contact's profile name, or null when the contact has no id or no name. */
    private static Profile profile(JsonNode contact, String path) {
        String waId = optionalString(contact, "wa_id", path);
        JsonNode profile = optionalObject(contact, "profile", path);
        String name = profile == null ? null : optionalString(profile, "name", path + ".profile");
        return waId == null || name == null ? null : new Profile(waId, name);
    }

    private static InboundMessage message(JsonNode message, Map<String, String> profileNames, String path,
                                          Instant receivedAt) {
        return content(message, profileNames, path, receivedAt).replyingTo(contextWamid(message, path));
    }

    private static String sender(JsonNode message, String path) {
        String from = string(message, "from", path);
        if (!WA_ID.matcher(from).matches()) {
            throw new MalformedWebhookException(path + ".from is not a WhatsApp id");
        }
        return from;
    }

    private static InboundMessage content(JsonNode message, Map<String, String> profileNames, String path,
                                          Instant receivedAt) {
        String wamid = wamid(message, path);
        String from = sender(message, path);
        WebhookTimestamp sentAt = WebhookTimestamp.read(message, path, receivedAt);
        String type = string(message, "type", path);
        var content = new Content(wamid, from, profileNames.get(from), sentAt);
        return switch (type) {
            case "text" -> content.text(string(requiredObject(message, "text", path), "body", path + ".text"));
            case "image" -> content.media(MessageType.IMAGE, requiredObject(message, "image", path), path + ".image");
            case "audio" -> content.media(MessageType.AUDIO, requiredObject(message, "audio", path), path + ".audio");
            case "video" -> content.media(MessageType.VIDEO, requiredObject(message, "video", path), path + ".video");
            case "document" -> content.media(MessageType.DOCUMENT, requiredObject(message, "document", path),
                    path + ".document");
            case "location" -> content.location(requiredObject(message, "location", path), path + ".location");
            case "sticker" -> content.media(MessageType.STICKER, requiredObject(message, "sticker", path),
                    path + ".sticker");
            case "contacts" -> content.payload(MessageType.CONTACTS, requiredArray(message, "contacts", path));
            case "button" -> content.text(string(requiredObject(message, "button", path), "text", path + ".button"));
            case "interactive" -> interactive(content, requiredObject(message, "interactive", path),
                    path + ".interactive");
            default -> content.unsupported(unsupportedType(message, type, path));
        };
    }

    /** The message this one replies to ({@code context.id}), or null; a context of the wrong shape is ignored. */
    private static String contextWamid(JsonNode message, String path) {
        JsonNode context = message.get("context");
        if (context == null || !context.isObject() || context.get("id") == null) {
            return null;
        }
        try {
            return wamid(context, path + ".context");
        } catch (MalformedWebhookException e) {
            log.warn("Ignored the context of a WhatsApp message: {}", e.getMessage());
            return null;
        }
    }

    /**
     * A customer's reaction: the message it is on and the emoji, which Meta leaves out (or sends empty) when
     * the customer takes the reaction back.
     */
    private static InboundReaction reaction(JsonNode message, String path, Instant receivedAt) {
        String wamid = wamid(message, path);
        String from = sender(message, path);
        Instant at = WebhookTimestamp.read(message, path, receivedAt).at();
        JsonNode reaction = requiredObject(message, REACTION, path);
        String messageWamid = wamid(reaction, "message_id", path + "." + REACTION);
        String emoji = optionalString(reaction, "emoji", path + "." + REACTION);
        if (emoji != null && emoji.length() > MAX_EMOJI) {
            throw new MalformedWebhookException(path + ".reaction.emoji is longer than " + MAX_EMOJI + " characters");
        }
        return new InboundReaction(wamid, from, messageWamid, emoji == null || emoji.isEmpty() ? null : emoji, at);
    }

    /**
     * What Meta says the unsupported message was: {@code unsupported.type} where Meta names it, else the type
     * the message came as.
     */
    private static String unsupportedType(JsonNode message, String type, String path) {
        JsonNode unsupported = message.get("unsupported");
        String named = unsupported != null && unsupported.isObject()
                ? optionalString(unsupported, "type", path + ".unsupported") : null;
        return truncated(named != null ? named : type, MAX_TYPE_NAME);
    }

    /**
     * Meta's message id, as sent; one longer than any Meta sends (and than the column keeping it) is not Meta's,
     * nor is one with a control character.
     */
    private static String wamid(JsonNode node, String path) {
        return wamid(node, "id", path);
    }

    private static String wamid(JsonNode node, String field, String path) {
        String wamid = identifier(node, field, path);
        if (wamid.isBlank() || wamid.length() > MAX_WAMID) {
            throw new MalformedWebhookException(path + "." + field + " is empty or longer than " + MAX_WAMID
                    + " characters");
        }
        return wamid;
    }

    /** At most {@code max} UTF-16 units, without cutting a character made of two in half. */
    private static String truncated(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isLowSurrogate(value.charAt(max)) ? max - 1 : max;
        return value.substring(0, end);
    }

    private static InboundMessage interactive(Content content, JsonNode interactive, String path) {
        String kind = string(interactive, "type", path);
        return switch (kind) {
            case "button_reply" -> content.buttonReply(requiredObject(interactive, kind, path), path + "." + kind);
            case "list_reply" ->
                    content.text(string(requiredObject(interactive, kind, path), "title", path + "." + kind));
            default -> content.unsupported(truncated("interactive." + kind, MAX_TYPE_NAME));
        };
    }

    /** The fields every message shares, and the message each type makes of them. */
    private record Content(String wamid, String from, String profileName, WebhookTimestamp sentAt) {

        InboundMessage text(String text) {
            return new InboundMessage(wamid, from, profileName, sentAt.at(), MessageType.TEXT, text,
                    null, null, null, null, null, null, sentAt.implausible());
        }

        /**
         * A tapped reply button: a text with its title, as the customer sees it, and the button's id in the payload
         * ({@code {"button_reply":{"id":...,"title":...}}}), which the satisfaction survey recognises.
         */
        InboundMessage buttonReply(JsonNode reply, String path) {
            String title = string(reply, "title", path);
            var payload = JsonMapper.shared().createObjectNode();
            payload.putObject("button_reply").put("id", truncated(optionalString(reply, "id", path), MAX_REPLY_ID))
                    .put("title", title);
            return new InboundMessage(wamid, from, profileName, sentAt.at(), MessageType.TEXT, title, null, null,
                    null, null, null, null, sentAt.implausible(), null, payload.toString());
        }

        InboundMessage media(MessageType type, JsonNode media, String path) {
            String mediaId = identifier(media, "id", path);
            if (mediaId.length() > MAX_MEDIA_ID) {
                throw new MalformedWebhookException(path + ".id is longer than " + MAX_MEDIA_ID + " characters");
            }
            return new InboundMessage(wamid, from, profileName, sentAt.at(), type, null, mediaId,
                    truncated(optionalString(media, "mime_type", path), MAX_MIME_TYPE),
                    truncated(optionalString(media, "filename", path), MAX_FILE_NAME),
                    optionalString(media, "caption", path), null, null, sentAt.implausible(), null, null,
                    type == MessageType.AUDIO && media.path("voice").asBoolean(false));
        }

        /** A type without a text of its own, kept as WhatsApp sent it (the payload's JSON). */
        InboundMessage payload(MessageType type, List<JsonNode> items) {
            var array = JsonMapper.shared().createArrayNode().addAll(items);
            return new InboundMessage(wamid, from, profileName, sentAt.at(), type, null, null, null, null, null,
                    null, null, sentAt.implausible(), null, array.toString());
        }

        /** A type this app does not show: its name is kept, and the timeline says so in words. */
        InboundMessage unsupported(String type) {
            var payload = JsonMapper.shared().createObjectNode().put("type", type);
            return new InboundMessage(wamid, from, profileName, sentAt.at(), MessageType.UNSUPPORTED, null, null,
                    null, null, null, null, null, sentAt.implausible(), null, payload.toString());
        }

        InboundMessage location(JsonNode location, String path) {
            String text = joined("\n", optionalString(location, "name", path), optionalString(location, "address", path));
            return new InboundMessage(wamid, from, profileName, sentAt.at(), MessageType.LOCATION, text,
                    null, null, null, null, number(location, "latitude", path), number(location, "longitude", path),
                    sentAt.implausible());
        }
    }

    /** The status update, or null for a status this app does not track (Meta adds new ones now and then). */
    private static StatusUpdate status(JsonNode status, String path, Instant receivedAt) {
        String wamid = wamid(status, path);
        String value = string(status, "status", path);
        Instant at = WebhookTimestamp.read(status, path, receivedAt).at();
        DeliveryStatus deliveryStatus = switch (value.toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        if (deliveryStatus == null) {
            log.debug("Skipping WhatsApp status '{}' of {}", value, wamid);
            return null;
        }
        List<JsonNode> errors = optionalArray(status, "errors", path);
        if (errors.isEmpty()) {
            return new StatusUpdate(wamid, deliveryStatus, at, null, null);
        }
        JsonNode error = object(errors.get(0), path + ".errors[0]");
        return new StatusUpdate(wamid, deliveryStatus, at, optionalInt(error, "code", path + ".errors[0]"),
                errorMessage(error, path + ".errors[0]"));
    }

    /** Title, message and details, leaving out the repetitions Meta often sends. */
    private static String errorMessage(JsonNode error, String path) {
        JsonNode data = optionalObject(error, "error_data", path);
        return joined(" — ", optionalString(error, "title", path), optionalString(error, "message", path),
                data == null ? null : optionalString(data, "details", path + ".error_data"));
    }

    /** The distinct non-blank parts joined, or null when there are none. */
    private static String joined(String separator, String... parts) {
        String text = Stream.of(parts).filter(part -> part != null && !part.isBlank()).distinct()
                .collect(Collectors.joining(separator));
        return text.isEmpty() ? null : text;
    }
}
