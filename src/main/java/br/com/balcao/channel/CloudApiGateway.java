package br.com.balcao.channel;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.channel.SendResult.RetryableFailure;
import br.com.balcao.templates.HeaderFormat;
import br.com.balcao.templates.HeaderMedia;
import br.com.balcao.templates.TemplateHeader;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.MetaErrors;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.OutboundReaction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp Business Cloud API: {@code POST {graph}/{version}/{phone_number_id}/messages} with a bearer
 * token. 429, 5xx, network failures and Meta's passing codes ({@link MetaErrors#retryable}) are worth retrying;
 * any other refusal keeps Meta's code and message (131047: the 24-hour window is closed).
 */
class CloudApiGateway implements WhatsAppGateway {

    private static final Logger log = LoggerFactory.getLogger(CloudApiGateway.class);
    /** Where Meta serves media files from; a download URL elsewhere is not followed with the token. */
    private static final List<String> MEDIA_HOST_SUFFIXES = List.of(".fbsbx.com", ".facebook.com", ".whatsapp.net");

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(100);
    /**
     * A customer's file (up to 100 MB) is read within this: the JDK client's read timeout covers the whole body,
     * so the lookups' 15 s would cut any large file on an ordinary link.
     */
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final int EXCERPT = 300;
    private static final String NO_TOKEN = "No WhatsApp access token is configured (balcao.whatsapp.access-token)";

    private final RestClient rest;
    /** Uploads: the request's time counts the file's transfer, so they get longer than a send (within the lease). */
    private final RestClient uploads;
    private final RestClient downloads;
    private final String apiVersion;
    private final String accessToken;
    private final String graphHost;
    private final JsonMapper json = JsonMapper.builder().build();

    CloudApiGateway(String graphBaseUrl, String apiVersion, String accessToken) {
        this(graphBaseUrl, apiVersion, accessToken, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    CloudApiGateway(String graphBaseUrl, String apiVersion, String accessToken, Duration connectTimeout,
                    Duration readTimeout) {
        this.rest = graphClient(graphBaseUrl, connectTimeout, readTimeout);
        this.uploads = graphClient(graphBaseUrl, connectTimeout, UPLOAD_TIMEOUT);
        this.downloads = graphClient(graphBaseUrl, connectTimeout, DOWNLOAD_TIMEOUT);
        this.apiVersion = apiVersion;
        this.accessToken = accessToken;
        this.graphHost = URI.create(graphBaseUrl).getHost();
    }

    /** A client of the Graph API at {@code graphBaseUrl}: these timeouts, no redirects followed. */
    static RestClient graphClient(String graphBaseUrl, Duration connectTimeout, Duration readTimeout) {
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        requestFactory.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(graphBaseUrl.replaceAll("/+$", ""))
                .requestFactory(requestFactory)
                .build();
    }

    @Override
    public SendResult send(String phoneNumberId, OutboundMessage message) {
        if (accessToken == null || accessToken.isBlank()) {
            return new PermanentFailure(null, NO_TOKEN);
        }
        ObjectNode payload;
        if (message.type() == MessageType.TEXT && !message.replyButtons().isEmpty()) {
            payload = replyButtons(message);
        } else if (message.type() == MessageType.TEXT) {
            payload = text(message);
        } else if (message.type() == MessageType.TEMPLATE) {
            payload = template(message);
        } else {
            return new PermanentFailure(null, "Sending " + message.type() + " messages is not supported");
        }
        return post(phoneNumberId, quoting(payload, message));
    }

    /**
     * {@code {"type":"interactive","interactive":{"type":"button","body":{"text":...},"action":{"buttons":
     * [{"type":"reply","reply":{"id":...,"title":...}}]}}}}: the text with the buttons the customer taps.
     */
    private ObjectNode replyButtons(OutboundMessage message) {
        ObjectNode payload = toIndividual(message.recipientWaId(), "interactive");
        ObjectNode interactive = payload.putObject("interactive").put("type", "button");
        interactive.putObject("body").put("text", message.text());
        var buttons = interactive.putObject("action").putArray("buttons");
        message.replyButtons().forEach(button -> buttons.addObject().put("type", "reply").putObject("reply")
                .put("id", button.id()).put("title", button.title()));
        return payload;
    }

    /** The payload with {@code "context":{"message_id":...}} when the message replies to another. */
    private static ObjectNode quoting(ObjectNode payload, OutboundMessage message) {
        if (message.contextWamid() != null) {
            payload.putObject("context").put("message_id", message.contextWamid());
        }
        return payload;
    }

    /** {@code {"type":"reaction","reaction":{"message_id":...,"emoji":...}}}; an empty emoji takes it back. */
    @Override
    public SendResult react(String phoneNumberId, OutboundReaction reaction) {
        if (accessToken == null || accessToken.isBlank()) {
            return new PermanentFailure(null, NO_TOKEN);
        }
        ObjectNode payload = toIndividual(reaction.recipientWaId(), "reaction");
        payload.putObject("reaction")
                .put("message_id", reaction.messageWamid())
                .put("emoji", reaction.emoji());
        return post(phoneNumberId, payload);
    }

    private SendResult post(String phoneNumberId, ObjectNode payload) {
        try {
            return toMessages(phoneNumberId, payload).exchange((request, response) ->
                    interpret(response.getStatusCode(), response.getBody().readAllBytes()));
        } catch (RestClientException e) {
            return new RetryableFailure("Could not reach WhatsApp: " + rootMessage(e));
        }
    }

    /**
     * {@code POST {graph}/{version}/{phone_number_id}/media}, multipart ({@code messaging_product}, {@code type},
     * {@code file}), answered {@code {"id": "<media-id>"}}. The file part is written from the stream as it is read
     * (the JDK client's request body is streamed), so a 100 MB document never sits in memory.
     */
    @Override
    public UploadResult upload(String phoneNumberId, MediaUpload file) {
        if (accessToken == null || accessToken.isBlank()) {
            return new UploadResult.Failed(new PermanentFailure(null, NO_TOKEN));
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("messaging_product", "whatsapp");
        parts.add("type", file.mimeType());
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.parseMediaType(file.mimeType()));
        parts.add("file", new HttpEntity<>(new NamedResource(file.content(), file.fileName()), fileHeaders));
        try {
            return uploads.post()
                    .uri("/{version}/{phoneNumberId}/media", apiVersion, phoneNumberId)
                    .headers(headers -> headers.setBearerAuth(accessToken))
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(parts)
                    .exchange((request, response) ->
                            uploaded(response.getStatusCode(), response.getBody().readAllBytes()));
        } catch (RestClientException e) {
            return new UploadResult.Failed(new RetryableFailure("Could not upload to WhatsApp: " + rootMessage(e)));
        }
    }

    private UploadResult uploaded(HttpStatusCode status, byte[] body) {
        JsonNode id = parse(body).path("id");
        if (status.is2xxSuccessful() && id.isString() && !id.stringValue().isBlank()) {
            return new UploadResult.Uploaded(id.stringValue());
        }
        SendResult failure = interpret(status.is2xxSuccessful() ? HttpStatusCode.valueOf(502) : status, body);
        return new UploadResult.Failed(failure);
    }

    /** {@code {"type": "image", "image": {"id": ..., "caption": ...}}}; a document also names its file. */
    @Override
    public SendResult sendMedia(String phoneNumberId, OutboundMessage message, String mediaId, String fileName) {
        String type = message.type().name().toLowerCase(Locale.ROOT);
        ObjectNode payload = toIndividual(message.recipientWaId(), type);
        ObjectNode media = payload.putObject(type).put("id", mediaId);
        if (message.mediaCaption() != null && message.type() != MessageType.AUDIO) {
            media.put("caption", message.mediaCaption());
        }
        if (message.voice()) {
            media.put("voice", true);
        }
        if (message.type() == MessageType.DOCUMENT && fileName != null) {
            media.put("filename", fileName);
        }
        return post(phoneNumberId, quoting(payload, message));
    }

    /**
     * Media in two steps, as Meta documents them: {@code GET {graph}/{version}/{media-id}} answers a short-lived
     * URL, which is then fetched with the same bearer token.
     */
    @Override
    public Optional<MediaFile> media(String mediaId) {
        if (accessToken == null || accessToken.isBlank() || mediaId == null || mediaId.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode answer = rest.get()
                    .uri("/{version}/{mediaId}", apiVersion, mediaId)
                    .headers(headers -> headers.setBearerAuth(accessToken))
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
                            ? parse(response.getBody().readAllBytes()) : json.missingNode());
            String url = answer.path("url").isString() ? answer.path("url").stringValue() : null;
            if (url == null || !trustedMediaUrl(url)) {
                log.info("WhatsApp has no downloadable media {} ({})", mediaId, url == null ? "no url" : "untrusted url");
                return Optional.empty();
            }
            String contentType = answer.path("mime_type").isString() ? answer.path("mime_type").stringValue()
                    : MediaType.APPLICATION_OCTET_STREAM_VALUE;
            long length = answer.path("file_size").isNumber() ? answer.path("file_size").asLong() : -1;
            return Optional.of(new CloudMediaFile(URI.create(url), contentType, length));
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("Could not look up WhatsApp media {}: {}", mediaId, rootMessage(e));
            return Optional.empty();
        }
    }

    /** {@code {"messaging_product":"whatsapp","status":"read","message_id":...}}, answered {@code {"success":true}}. */
    @Override
    public boolean markRead(String phoneNumberId, String wamid) {
        return postStatus(phoneNumberId, wamid, readStatus(wamid));
    }

    /** The read status with {@code "typing_indicator":{"type":"text"}}: "typing…" for 25 s or until the reply. */
    @Override
    public boolean showTyping(String phoneNumberId, String wamid) {
        ObjectNode payload = readStatus(wamid);
        payload.putObject("typing_indicator").put("type", "text");
        return postStatus(phoneNumberId, wamid, payload);
    }

    /** {@code POST {graph}/{version}/{phone_number_id}/messages} with the bearer token and the JSON payload. */
    private RestClient.RequestBodySpec toMessages(String phoneNumberId, ObjectNode payload) {
        return rest.post()
                .uri("/{version}/{phoneNumberId}/messages", apiVersion, phoneNumberId)
                .headers(headers -> headers.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(payload));
    }

    private ObjectNode readStatus(String wamid) {
        return json.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("status", "read")
                .put("message_id", wamid);
    }

    /** A status is a courtesy: a refusal or a network failure is logged and not tried again. */
    private boolean postStatus(String phoneNumberId, String wamid, ObjectNode payload) {
        if (accessToken == null || accessToken.isBlank()) {
            return false;
        }
        try {
            return toMessages(phoneNumberId, payload).exchange((request, response) -> {
                byte[] body = response.getBody().readAllBytes();
                boolean success = response.getStatusCode().is2xxSuccessful()
                        && parse(body).path("success").asBoolean(false);
                if (!success) {
                    log.warn("WhatsApp refused the read status of {}: HTTP {} {}", wamid,
                            response.getStatusCode().value(), excerpt(body));
                }
                return success;
            });
        } catch (RestClientException e) {
            log.warn("Could not tell WhatsApp {} was read: {}", wamid, rootMessage(e));
            return false;
        }
    }

    private boolean trustedMediaUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        return host.equals(graphHost) || https && MEDIA_HOST_SUFFIXES.stream().anyMatch(host::endsWith);
    }

    private final class CloudMediaFile implements MediaFile {

        private final URI url;
        private final String contentType;
        private final long length;

        CloudMediaFile(URI url, String contentType, long length) {
            this.url = url;
            this.contentType = contentType;
            this.length = length;
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            downloads.get()
                    .uri(url)
                    .headers(headers -> headers.setBearerAuth(accessToken))
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new IOException("WhatsApp answered " + response.getStatusCode().value()
                                    + " for the media file");
                        }
                        return response.getBody().transferTo(out);
                    });
        }
    }

    /** A message of {@code type} to one WhatsApp user, the envelope every such send shares. */
    private ObjectNode toIndividual(String waId, String type) {
        return json.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", waId)
                .put("type", type);
    }

    private ObjectNode text(OutboundMessage message) {
        ObjectNode payload = toIndividual(message.recipientWaId(), "text");
        payload.putObject("text")
                .put("preview_url", false)
                .put("body", message.text());
        return payload;
    }

    private ObjectNode template(OutboundMessage message) {
        ObjectNode payload = json.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("to", message.recipientWaId())
                .put("type", "template");
        ObjectNode template = payload.putObject("template").put("name", message.templateName());
        template.putObject("language").put("code", message.templateLanguage());
        ArrayNode components = json.createArrayNode();
        templateHeader(message.templateHeader(), components);
        List<String> parameters = message.templateParameters();
        if (parameters != null && !parameters.isEmpty()) {
            ArrayNode body = components.addObject()
                    .put("type", "body")
                    .putArray("parameters");
            parameters.forEach(value -> body.addObject().put("type", "text").put("text", value));
        }
        if (!components.isEmpty()) {
            template.set("components", components);
        }
        return payload;
    }

    /** The header's component: its text variable's value, or its media by the id of its upload. */
    private static void templateHeader(TemplateHeader header, ArrayNode components) {
        if (header == null || header.empty()) {
            return;
        }
        ArrayNode parameters = components.addObject().put("type", "header").putArray("parameters");
        HeaderMedia media = header.media();
        if (media != null) {
            ObjectNode file = parameters.addObject().put("type", media.type()).putObject(media.type())
                    .put("id", media.mediaId());
            if (media.format() == HeaderFormat.DOCUMENT && media.fileName() != null) {
                file.put("filename", media.fileName());
            }
        } else {
            parameters.addObject().put("type", "text").put("text", header.text());
        }
    }

    private SendResult interpret(HttpStatusCode status, byte[] body) {
        JsonNode answer = parse(body);
        if (status.is2xxSuccessful()) {
            JsonNode id = answer.path("messages").path(0).path("id");
            if (id.isString() && !id.stringValue().isBlank()) {
                return new Accepted(id.stringValue());
            }
            // The message may well be on its way: trying again could send it twice.
            return new PermanentFailure(null, "WhatsApp answered " + status.value() + " without a message id: "
                    + excerpt(body));
        }
        JsonNode error = answer.path("error");
        String message = error.path("message").isString() ? error.path("message").stringValue() : null;
        Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
        if (status.value() == 429 || status.is5xxServerError() || MetaErrors.retryable(code)) {
            return new RetryableFailure(code, "HTTP " + status.value() + ": "
                    + (message != null ? message : excerpt(body)));
        }
        return new PermanentFailure(code, message != null ? message : "HTTP " + status.value() + ": " + excerpt(body));
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.missingNode() : json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getClass().getSimpleName() + ": " + root.getMessage()
                : root.getClass().getSimpleName();
    }
}
