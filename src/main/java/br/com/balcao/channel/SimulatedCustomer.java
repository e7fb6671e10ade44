package br.com.balcao.channel;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.Phones;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * Plays a customer on WhatsApp: each message becomes Meta's webhook envelope, signed with the app
 * secret and posted over HTTP to this app's own webhook, exactly as Meta would deliver it.
 */
@Service
@Profile("demo")
class SimulatedCustomer {

    private final ChannelProperties properties;
    private final Environment environment;
    private final Clock clock;
    private final RestClient http = RestClient.create();
    private final JsonMapper json = JsonMapper.builder().build();

    SimulatedCustomer(ChannelProperties properties, Environment environment, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * The customer with this phone (and this WhatsApp name, none when blank) writes the text to the number;
     * refused when the phone is not one or the webhook does not take the message.
     */
    void write(String phoneNumberId, String phone, String profileName, String text) {
        Phones.Phone customer = Phones.parse(phone).orElseThrow(() -> new InvalidInputException("simulator.error.phone"));
        try {
            send(phoneNumberId, customer.digits(), profileName == null || profileName.isBlank() ? null
                    : profileName.strip(), text.strip());
        } catch (RestClientException refused) {
            throw new InvalidInputException("simulator.error.webhook");
        }
    }

    /** {@code profileName} null for a customer without a WhatsApp name: the envelope then carries none. */
    void send(String phoneNumberId, String waId, String profileName, String text) {
        byte[] body = json.writeValueAsBytes(envelope(phoneNumberId, waId, profileName, text, clock.instant()));
        http.post()
                .uri("http://localhost:{port}/webhooks/whatsapp", environment.getProperty("local.server.port"))
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, new WebhookSignature(properties.appSecret()).sign(body))
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    static Map<String, Object> envelope(String phoneNumberId, String waId, String profileName, String text,
            Instant at) {
        Map<String, Object> message = Map.of(
                "from", waId,
                "id", "wamid.sim." + UUID.randomUUID(),
                "timestamp", String.valueOf(at.getEpochSecond()),
                "type", "text",
                "text", Map.of("body", text));
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
