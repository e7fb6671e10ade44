package br.com.balcao.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp Cloud API webhook's subscription handshake. Its signed notifications ({@code POST}) are
 * answered by {@link WebhookFilter} before they reach Spring MVC.
 */
@RestController
@RequestMapping(WebhookFilter.PATH)
class WebhookController {

    private final byte[] verifyTokenDigest;

    WebhookController(ChannelProperties properties) {
        this.verifyTokenDigest = isBlank(properties.verifyToken()) ? null : sha256(properties.verifyToken());
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
