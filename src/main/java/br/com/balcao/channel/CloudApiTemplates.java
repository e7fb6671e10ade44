package br.com.balcao.channel;

import br.com.balcao.templates.MetaTemplate;
import br.com.balcao.templates.MetaTemplatePage;
import br.com.balcao.templates.MetaTemplates;
import br.com.balcao.templates.MetaTemplatesException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WhatsApp Business Account's templates from the Graph API:
 * {@code GET {graph}/{version}/{waba-id}/message_templates?fields=...&limit=100} with the bearer token, then each
 * {@code paging.next} Meta answers, followed only on the Graph API's own host (the token goes nowhere else).
 */
class CloudApiTemplates implements MetaTemplates {

    static final String FIELDS = "id,name,language,status,category,components";
    private static final Pattern WABA_ID = Pattern.compile("[0-9]{1,64}");

    private final RestClient rest;
    private final URI graph;
    private final String apiVersion;
    private final String accessToken;
    private final JsonMapper json = JsonMapper.builder().build();

    CloudApiTemplates(String graphBaseUrl, String apiVersion, String accessToken) {
        this.rest = CloudApiGateway.graphClient(graphBaseUrl, CloudApiGateway.CONNECT_TIMEOUT,
                CloudApiGateway.READ_TIMEOUT);
        this.graph = URI.create(graphBaseUrl);
        this.apiVersion = apiVersion;
        this.accessToken = accessToken;
    }

    @Override
    public MetaTemplatePage page(String wabaId, String next) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new MetaTemplatesException(190, "No WhatsApp access token is configured (balcao.whatsapp.access-token)");
        }
        if (wabaId == null || !WABA_ID.matcher(wabaId).matches()) {
            throw new MetaTemplatesException(100, "Not a WhatsApp Business Account id: " + wabaId);
        }
        RestClient.RequestHeadersSpec<?> request = next == null
                ? rest.get().uri("/{version}/{wabaId}/message_templates?fields=" + FIELDS + "&limit=100", apiVersion,
                        wabaId)
                : rest.get().uri(onGraph(next));
        try {
            return request
                    .headers(headers -> headers.setBearerAuth(accessToken))
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((req, response) -> read(response.getStatusCode().is2xxSuccessful(),
                            response.getStatusCode().value(), response.getBody().readAllBytes()));
        } catch (RestClientException e) {
            throw new MetaTemplatesException(null, "Could not reach WhatsApp: " + e.getMessage());
        }
    }

    private URI onGraph(String next) {
        URI uri;
        try {
            uri = URI.create(next);
        } catch (IllegalArgumentException e) {
            throw new MetaTemplatesException(null, "WhatsApp's next page is not a link: " + next);
        }
        boolean sameHost = Objects.equals(uri.getScheme(), graph.getScheme())
                && Objects.equals(uri.getHost(), graph.getHost()) && uri.getPort() == graph.getPort();
        if (!sameHost) {
            throw new MetaTemplatesException(null, "WhatsApp's next page is not on " + graph.getHost() + ": " + next);
        }
        return uri;
    }

    private MetaTemplatePage read(boolean ok, int status, byte[] body) {
        JsonNode answer;
        try {
            answer = body.length == 0 ? json.missingNode() : json.readTree(body);
        } catch (JacksonException e) {
            answer = json.missingNode();
        }
        if (!ok) {
            JsonNode error = answer.path("error");
            Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
            String message = error.path("message").isString() ? error.path("message").stringValue()
                    : "HTTP " + status;
            throw new MetaTemplatesException(code, message);
        }
        if (!answer.path("data").isArray()) {
            throw new MetaTemplatesException(null, "WhatsApp answered " + status + " without a template list");
        }
        List<MetaTemplate> templates = new ArrayList<>();
        for (JsonNode template : answer.path("data")) {
            JsonNode components = template.path("components");
            templates.add(new MetaTemplate(text(template, "id"), text(template, "name"), text(template, "language"),
                    text(template, "category"), text(template, "status"),
                    components.isArray() ? json.writeValueAsString(components) : "[]"));
        }
        JsonNode next = answer.path("paging").path("next");
        return new MetaTemplatePage(List.copyOf(templates), next.isString() ? next.stringValue() : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : value.isNumber() ? value.asString() : null;
    }
}
