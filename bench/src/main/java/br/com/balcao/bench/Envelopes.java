package br.com.balcao.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook envelope for one inbound message (a text, a photo, a document, a voice note or a reaction),
 * built by hand (the fields are fixed and need no escaping), and its {@code X-Hub-Signature-256}: {@code sha256=}
 * and the hex HMAC-SHA256 of the exact bytes. The media messages name media ids WhatsApp never had: the app's
 * download of them (the simulated gateway in the benchmark) finds nothing, at once and without the network.
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

    /** A file's hash as Meta gives it (base64 SHA-256); the app keeps it, never checks it against a download. */
    private static final String SHA256 = "3hPKOOEsNR8HIGe6ha1DLtJ6bVJ6Ay6jW4VhOkJJ5Tk=";

    /** The kinds of media message the load sends, in turn. */
    enum Media {
        IMAGE, DOCUMENT, VOICE_NOTE
    }

    Envelope text(String wamid, String waId, String profileName, String text, long epochSeconds) {
        return envelope(wamid, waId, profileName, "\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}",
                epochSeconds);
    }

    /** A photo with a caption, a PDF with its file name, or a voice note, naming media id {@code mediaId} (digits). */
    Envelope media(String wamid, String waId, String profileName, Media kind, String mediaId, long epochSeconds) {
        String file = "\"id\":\"" + mediaId + "\",\"sha256\":\"" + SHA256 + "\",";
        String content = switch (kind) {
            case IMAGE -> "\"type\":\"image\",\"image\":{" + file
                    + "\"mime_type\":\"image/jpeg\",\"caption\":\"Foto do pedido " + mediaId + "\"}";
            case DOCUMENT -> "\"type\":\"document\",\"document\":{" + file
                    + "\"mime_type\":\"application/pdf\",\"filename\":\"pedido-" + mediaId + ".pdf\"}";
            case VOICE_NOTE -> "\"type\":\"audio\",\"audio\":{" + file
                    + "\"mime_type\":\"audio/ogg; codecs=opus\",\"voice\":true}";
        };
        return envelope(wamid, waId, profileName, content, epochSeconds);
    }

    /** The customer's reaction to the message {@code reactedWamid}. */
    Envelope reaction(String wamid, String waId, String profileName, String reactedWamid, String emoji,
                      long epochSeconds) {
        return envelope(wamid, waId, profileName, "\"type\":\"reaction\",\"reaction\":{\"message_id\":\""
                + reactedWamid + "\",\"emoji\":\"" + emoji + "\"}", epochSeconds);
    }

    /** The envelope of one message of this customer, its type and type's object given as JSON members. */
    private Envelope envelope(String wamid, String waId, String profileName, String content, long epochSeconds) {
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"bench\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"" + phoneNumberId + "\",\"phone_number_id\":\""
                + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"" + profileName + "\"},\"wa_id\":\"" + waId + "\"}],"
                + "\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + epochSeconds + "\"," + content + "}]}}]}]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Envelope(wamid, body, sign(body));
    }

    String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
