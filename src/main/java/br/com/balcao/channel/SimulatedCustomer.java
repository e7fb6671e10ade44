package br.com.balcao.channel;

import br.com.balcao.channel.SimulatedWhatsAppMedia.Stored;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.Phones;
import br.com.balcao.media.InvalidVoiceNoteException;
import br.com.balcao.media.MediaKind;
import br.com.balcao.media.VoiceNote;
import br.com.balcao.media.VoiceNotes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a customer on WhatsApp: each message (a text, a photo, a document, a voice note, a reaction, any of them
 * replying to a message) becomes Meta's webhook envelope, signed with the app secret and posted over HTTP to this
 * app's own webhook, exactly as Meta would deliver it. A file is first kept by the simulated WhatsApp
 * ({@link SimulatedWhatsAppMedia}), which the app then downloads it from by its media id, as from Meta.
 */
@Service
@Profile("demo")
class SimulatedCustomer {

    private final ChannelProperties properties;
    private final SimulatedWhatsAppMedia files;
    private final VoiceNotes voiceNotes;
    private final Environment environment;
    private final Clock clock;
    private final RestClient http = RestClient.create();
    private final JsonMapper json = JsonMapper.builder().build();

    SimulatedCustomer(ChannelProperties properties, SimulatedWhatsAppMedia files, VoiceNotes voiceNotes,
                      Environment environment, Clock clock) {
        this.properties = properties;
        this.files = files;
        this.voiceNotes = voiceNotes;
        this.environment = environment;
        this.clock = clock;
    }

    /** Who writes, to which number: the customer's phone and WhatsApp name (none when blank). */
    record Customer(String phoneNumberId, String phone, String profileName) {
    }

    /** The business's message a customer's message replies to: the business's number (digits) and its wamid. */
    record Context(String from, String wamid) {
    }

    /**
     * What a message carries besides who sent it and when: its {@code type} in Meta's webhook and the object of
     * that name ({@code "text": {"body": ...}}, {@code "image": {"id": ...}}, {@code "reaction": {...}}).
     */
    record Content(String type, Map<String, Object> body) {

        static Content text(String text) {
            return new Content("text", Map.of("body", text));
        }

        /**
         * A file the simulated WhatsApp keeps: its id, type and hash, the caption where WhatsApp takes one, a
         * document's file name, and whether an audio is a voice note (recorded on the phone, OGG/Opus).
         */
        static Content media(Stored file, String caption, String fileName) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", file.mediaId());
            body.put("mime_type", file.mimeType());
            body.put("sha256", file.sha256());
            if (caption != null && !caption.isBlank() && file.kind().captioned()) {
                body.put("caption", caption.strip());
            }
            if (file.kind() == MediaKind.DOCUMENT && fileName != null && !fileName.isBlank()) {
                body.put("filename", fileName.strip());
            }
            if (file.kind() == MediaKind.AUDIO) {
                body.put("voice", isVoiceNote(file.mimeType()));
            }
            return new Content(file.kind().whatsAppType(), body);
        }

        /** The customer's reaction to a message; an empty emoji removes it. */
        static Content reaction(String wamid, String emoji) {
            return new Content("reaction", Map.of("message_id", wamid, "emoji", emoji));
        }

        /** Phones record voice notes as OGG/Opus; any other audio is a file the customer attached. */
        private static boolean isVoiceNote(String mimeType) {
            return mimeType.toLowerCase(Locale.ROOT).startsWith("audio/ogg");
        }
    }

    /** The customer writes a text, replying to {@code context} (null: to nothing). */
    void write(Customer customer, String text, Context context) {
        post(customer, waId(customer), Content.text(text.strip()), context);
    }

    /**
     * The customer sends a file (photo, document, audio): the simulated WhatsApp keeps it, then the message naming
     * it is delivered. Refused, with nothing kept or sent, when WhatsApp would not carry it.
     */
    void sendFile(Customer customer, InputStream content, String mimeType, String fileName, String caption,
                  Context context) {
        String waId = waId(customer);
        Stored file = files.store(content, mimeType);
        post(customer, waId, Content.media(file, caption, fileName), context);
    }

    /**
     * The customer sends a voice note recorded in the browser: Chromium records WebM, which the phone never sends,
     * so the recording is kept as the Ogg Opus a phone records (Firefox's Ogg as it is), then delivered as a voice
     * note. Refused, with nothing sent, when it is not an Opus recording.
     */
    void sendVoiceNote(Customer customer, InputStream recording, String declaredType, Context context) {
        String waId = waId(customer);
        Stored file;
        try {
            Path ogg = Files.createTempFile("simulator-voice-note-", ".ogg");
            try {
                try (OutputStream out = Files.newOutputStream(ogg)) {
                    voiceNotes.toOggOpus(recording, declaredType, out);
                }
                try (InputStream in = Files.newInputStream(ogg)) {
                    file = files.store(in, VoiceNote.CONTENT_TYPE);
                }
            } finally {
                Files.deleteIfExists(ogg);
            }
        } catch (InvalidVoiceNoteException notOpus) {
            throw new InvalidInputException("simulator.error.voiceNote");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        post(customer, waId, Content.media(file, null, null), context);
    }

    /** The customer reacts to a message with this emoji, or removes the reaction with "". */
    void react(Customer customer, String wamid, String emoji) {
        post(customer, waId(customer), Content.reaction(wamid, emoji), null);
    }

    private static String waId(Customer customer) {
        return Phones.parse(customer.phone()).map(Phones.Phone::digits)
                .orElseThrow(() -> new InvalidInputException("simulator.error.phone"));
    }

    private void post(Customer customer, String waId, Content content, Context context) {
        String profileName = customer.profileName() == null || customer.profileName().isBlank() ? null
                : customer.profileName().strip();
        byte[] body = json.writeValueAsBytes(envelope(customer.phoneNumberId(), waId, profileName, content, context,
                clock.instant()));
        try {
            http.post()
                    .uri("http://localhost:{port}/webhooks/whatsapp", environment.getProperty("local.server.port"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER, new WebhookSignature(properties.appSecret()).sign(body))
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException refused) {
            throw new InvalidInputException("simulator.error.webhook");
        }
    }

    /**
     * Meta's webhook envelope of one message from {@code waId} ({@code profileName} null for a customer without a
     * WhatsApp name: the envelope then carries none), replying to {@code context} when not null.
     */
    static Map<String, Object> envelope(String phoneNumberId, String waId, String profileName, Content content,
            Context context, Instant at) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("from", waId);
        message.put("id", "wamid.sim." + UUID.randomUUID());
        message.put("timestamp", String.valueOf(at.getEpochSecond()));
        if (context != null) {
            message.put("context", Map.of("from", context.from(), "id", context.wamid()));
        }
        message.put("type", content.type());
        message.put(content.type(), content.body());
        Map<String, Object> value = Map.of(
                "messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", phoneNumberId, "phone_number_id", phoneNumberId),
                "contacts", List.of(profileName == null ? Map.of("wa_id", waId)
                        : Map.of("profile", Map.of("name", profileName), "wa_id", waId)),
                "messages", List.of(message));
        return Map.of(
                "object", "whatsapp_business_account",
                "entry", List.of(Map.of("id", "simulator", "changes", List.of(Map.of("field", "messages", "value", value)))));
    }
}
