package br.com.balcao.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature-256} header Meta puts on every webhook: {@code sha256=} and the hex
 * HMAC-SHA256 of the raw body, keyed with the app secret. Without a secret nothing verifies.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;
    /** Keyed once; each signature works on a copy (looking the algorithm up and keying it took longer than the HMAC). */
    private final Mac keyed;

    public WebhookSignature(String appSecret) {
        this.key = appSecret == null || appSecret.isBlank()
                ? null
                : new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.keyed = key == null ? null : newMac();
    }

    /** Whether the header is a well-formed signature of exactly these bytes. */
    public boolean verify(byte[] body, String header) {
        if (key == null || header == null || !header.startsWith(PREFIX)
                || header.length() != PREFIX.length() + HEX_LENGTH) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body), claimed);
    }

    /** The header value for these bytes, as Meta would send it (the customer simulator signs with it). */
    public String sign(byte[] body) {
        if (key == null) {
            throw new IllegalStateException("no WhatsApp app secret is configured");
        }
        return PREFIX + HexFormat.of().formatHex(hmac(body));
    }

    private byte[] hmac(byte[] body) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException providerWithoutCopies) {
            mac = newMac();
        }
        return mac.doFinal(body);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
