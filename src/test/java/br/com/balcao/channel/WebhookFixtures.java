package br.com.balcao.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Meta's sample payloads under {@code src/test/resources/whatsapp/}, signed and posted as Meta does. */
final class WebhookFixtures {

    /** The phone_number_ids the fixtures are addressed to, first and second number. */
    static final String FIRST_PHONE_NUMBER_ID = "100000000000001";
    static final String SECOND_PHONE_NUMBER_ID = "100000000000002";

    private WebhookFixtures() {
    }

    static String text(String name) {
        try (InputStream in = WebhookFixtures.class.getResourceAsStream("/whatsapp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8);
    }

    /** The fixture addressed to this phone_number_id instead of the first one. */
    static byte[] addressedTo(String name, String phoneNumberId) {
        return addressedTo(name, phoneNumberId, SECOND_PHONE_NUMBER_ID);
    }

    /** The fixture addressed to these phone_number_ids instead of the first and the second one. */
    static byte[] addressedTo(String name, String firstPhoneNumberId, String secondPhoneNumberId) {
        return text(name)
                .replace('"' + FIRST_PHONE_NUMBER_ID + '"', '"' + firstPhoneNumberId + '"')
                .replace('"' + SECOND_PHONE_NUMBER_ID + '"', '"' + secondPhoneNumberId + '"')
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The fixture's text message, addressed to this phone_number_id, with this wamid, from this customer. */
    static byte[] textMessage(String phoneNumberId, String wamid, String customerWaId) {
        return new String(addressedTo("text.json", phoneNumberId), StandardCharsets.UTF_8)
                .replace("16505551234", customerWaId)
                .replace("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUFBNjZGOEQ5RTM1NkY0QjBFAA==", wamid)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A webhook POST of these bytes signed with this secret, as Meta signs it. */
    static MockHttpServletRequestBuilder signedWebhookPost(byte[] body, String secret) {
        return webhookPost(body, signature(secret, body));
    }

    /** The X-Hub-Signature-256 value, computed here rather than with the class under test. */
    static String signature(String secret, byte[] body) {
        return signature(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    static String signature(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * HMAC with an empty key. The JDK refuses empty keys, but HMAC pads every key with zero bytes to the
     * block size, so a single zero byte is the same key.
     */
    static String signatureWithEmptyKey(byte[] body) {
        return signature(new byte[1], body);
    }

    /** A webhook POST of these bytes, with this X-Hub-Signature-256 unless it is null. */
    static MockHttpServletRequestBuilder webhookPost(byte[] body, String signature) {
        var request = MockMvcRequestBuilders.post("/webhooks/whatsapp")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return signature == null ? request : request.header(WebhookSignature.HEADER, signature);
    }
}
