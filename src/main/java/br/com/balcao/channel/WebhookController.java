package br.com.balcao.channel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The WhatsApp Cloud API webhook: Meta's subscription handshake and its signed notifications. */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final byte[] verifyTokenDigest;
    private final WebhookSignature signature;
    private final WebhookEnvelopeParser parser;
    private final WebhookProcessor processor;

    WebhookController(ChannelProperties properties, WebhookEnvelopeParser parser, WebhookProcessor processor) {
        this.verifyTokenDigest = isBlank(properties.verifyToken()) ? null : sha256(properties.verifyToken());
        this.signature = new WebhookSignature(properties.appSecret());
        this.parser = parser;
        this.processor = processor;
    }

    @GetMapping
    ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
                                     @RequestParam(name = "hub.verify_token", required = false) String token,
                                     @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!"subscribe".equals(mode) || !verifyTokenMatches(token) || challenge == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    /**
     * Answers through the servlet response itself: Meta posts every message here, and the return value and
     * argument handling of a {@code ResponseEntity} method were a seventh of the webhook's CPU.
     */
    @PostMapping
    void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<byte[]> body = WebhookBody.read(request.getInputStream(), request.getContentLengthLong());
        if (body.isEmpty()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        if (!signature.verify(body.get(), request.getHeader(WebhookSignature.HEADER))) {
            log.warn("Refused a WhatsApp webhook with a missing or wrong signature from {}", request.getRemoteAddr());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        List<WebhookChange> changes;
        try {
            changes = parser.parse(body.get());
        } catch (MalformedWebhookException e) {
            log.warn("Refused a signed WhatsApp webhook: {}", e.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return;
        }
        processor.process(changes);
        response.setStatus(HttpStatus.OK.value());
    }

    /** The database is away: Meta keeps the webhook and delivers it again, and the idempotent pipeline takes it then. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Void> databaseAway(RuntimeException e) {
        log.warn("WhatsApp webhook not processed, the database is unavailable (Meta will deliver it again): {}",
                e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }

    /** Some item failed on its own (logged where it failed); Meta delivers the webhook again. */
    @ExceptionHandler(WebhookProcessor.PartlyFailed.class)
    ResponseEntity<Void> partlyFailed() {
        return ResponseEntity.internalServerError().build();
    }

    /** Compares digests so that the time taken tells nothing about the token, not even its length. */
    private boolean verifyTokenMatches(String token) {
        return verifyTokenDigest != null && token != null && MessageDigest.isEqual(verifyTokenDigest, sha256(token));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
