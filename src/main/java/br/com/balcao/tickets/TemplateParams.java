package br.com.balcao.tickets;

import br.com.balcao.templates.HeaderFormat;
import br.com.balcao.templates.HeaderMedia;
import br.com.balcao.templates.TemplateHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template message's values as {@code messages.template_params} keeps them: the body's values as a list, as
 * always; with a header to fill, an object {@code {"body": [...], "header": {"text": ...}}} or
 * {@code {"body": [...], "header": {"type": "image", "mediaFileId": ...}}} (the kept file the header sends).
 * Both forms are read.
 */
final class TemplateParams {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateParams() {
    }

    /** What is stored: the list alone when the header needs nothing. */
    static Object stored(List<String> body, TemplateHeader header) {
        if (header == null || header.empty()) {
            return List.copyOf(body);
        }
        Map<String, Object> headerValues = new LinkedHashMap<>();
        if (header.media() != null) {
            headerValues.put("type", header.media().type());
            headerValues.put("mediaFileId", header.media().fileId());
        } else {
            headerValues.put("text", header.text());
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("body", List.copyOf(body));
        stored.put("header", headerValues);
        return stored;
    }

    /** The body's values of the stored JSON (null: none). */
    static List<String> body(String stored) {
        JsonNode node = stored == null ? JSON.missingNode() : JSON.readTree(stored);
        JsonNode list = node.isArray() ? node : node.path("body");
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asString()));
        return List.copyOf(values);
    }

    /** The header's values of the stored JSON, or null when it has none. */
    static TemplateHeader header(String stored) {
        JsonNode header = stored == null ? JSON.missingNode() : JSON.readTree(stored).path("header");
        if (!header.isObject()) {
            return null;
        }
        if (header.path("mediaFileId").isIntegralNumber()) {
            HeaderFormat format = HeaderFormat.valueOf(header.path("type").asString().toUpperCase(Locale.ROOT));
            return new TemplateHeader(null, new HeaderMedia(format, header.path("mediaFileId").longValue()));
        }
        return new TemplateHeader(header.path("text").asString(), null);
    }
}
