package br.com.balcao.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook envelope for one inbound text message, built by hand (the fields are fixed and need no
 * escaping), and its {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the exact bytes.
 * One instance per thread: {@link Mac} is not thread-safe.
 */
final class Envelopes {

    /** A body ready to post, with its signature; kept to be posted again (Meta's redelivery). */
    record Envelope(String wamid, byte[] body, String signature) {
    }

    private final String phoneNumberId;
    private final Mac mac;

    Envelopes(String phoneNumberId, String secret) {
        this.phoneNumberId = phoneNumberId;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    Envelope text(String wamid, String waId, String profileName, String text, long epochSeconds) {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"bench\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"" + phoneNumberId + "\",\"phone_number_id\":\""
                + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"" + profileName + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + epochSeconds + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]}}]}]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Envelope(wamid, body, sign(body));
    }

    String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
