package br.com.balcao.channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Meta's signed notifications: the body read within its limit (413), the signature checked over the raw bytes
 * (401), the envelope parsed (400; a malformed message or status alone is left out, see
 * {@link WebhookEnvelopeParser}), its changes processed (200; 503 while the database is away and 500 when an
 * item failed, so that Meta delivers it again). Each answer is counted with its time in
 * {@code balcao.webhook.requests}, since {@link WebhookFilter} serves it before the observed servlet chain.
 */
@Component
class WebhookReceiver {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final WebhookSignature signature;
    private final WebhookEnvelopeParser parser;
    private final WebhookProcessor processor;
    private final MeterRegistry meters;
    private final Map<HttpStatus, Timer> timers = new ConcurrentHashMap<>();

    WebhookReceiver(ChannelProperties properties, WebhookEnvelopeParser parser, WebhookProcessor processor,
                    MeterRegistry meters) {
        this.signature = new WebhookSignature(properties.appSecret());
        this.parser = parser;
        this.processor = processor;
        this.meters = meters;
    }

    void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        HttpStatus status = answer(request);
        response.setStatus(status.value());
        timers.computeIfAbsent(status, answered -> Timer.builder("balcao.webhook.requests")
                        .description("WhatsApp webhook notifications, by answer")
                        .tag("status", String.valueOf(answered.value())).register(meters))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private HttpStatus answer(HttpServletRequest request) throws IOException {
        Optional<byte[]> body = WebhookBody.read(request.getInputStream(), request.getContentLengthLong());
        if (body.isEmpty()) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (!signature.verify(body.get(), request.getHeader(WebhookSignature.HEADER))) {
            log.warn("Refused a WhatsApp webhook with a missing or wrong signature from {}", request.getRemoteAddr());
            return HttpStatus.UNAUTHORIZED;
        }
        List<WebhookChange> changes;
        try {
            changes = parser.parse(body.get());
        } catch (MalformedWebhookException e) {
            log.warn("Refused a signed WhatsApp webhook: {}", e.getMessage());
            return HttpStatus.BAD_REQUEST;
        }
        try {
            processor.process(changes);
            return HttpStatus.OK;
        } catch (DataAccessException | TransactionException e) {
            log.warn("WhatsApp webhook not processed, the database is unavailable (Meta will deliver it again): {}",
                    e.getMessage());
            return HttpStatus.SERVICE_UNAVAILABLE;
        } catch (WebhookProcessor.PartlyFailed e) {
            return HttpStatus.INTERNAL_SERVER_ERROR; // the item that failed was logged where it failed
        }
    }
}
