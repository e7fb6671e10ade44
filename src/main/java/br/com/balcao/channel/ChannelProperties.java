package br.com.balcao.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the app talks to the WhatsApp Business Cloud API. A blank verify token or app secret means "not
 * configured": the handshake and every webhook POST are then refused.
 */
@ConfigurationProperties("balcao.whatsapp")
@Validated
public record ChannelProperties(
        String verifyToken,
        String appSecret,
        @DefaultValue("https://graph.facebook.com") String graphBaseUrl,
        @DefaultValue("v23.0") String apiVersion,
        String accessToken,
        @DefaultValue("CLOUD_API") GatewayKind gateway,
        @DefaultValue Simulated simulated,
        @DefaultValue @Valid Outbound outbound) {

    /** Which outbound gateway sends messages. */
    public enum GatewayKind {
        /** Accepts every message and reports it delivered and read, for the demo and tests. */
        SIMULATED,
        /** The real Cloud API. */
        CLOUD_API
    }

    /**
     * When the simulated gateway reports a message delivered, then read, after accepting it; where the simulated
     * WhatsApp keeps the files its customers send.
     */
    public record Simulated(@DefaultValue("1s") Duration deliveredAfter, @DefaultValue("2s") Duration readAfter,
            @DefaultValue("./data/simulated-whatsapp") Path mediaFolder) {
    }

    /**
     * The sender of the outbox: a message still refused for a passing reason (429, 5xx, network) after
     * {@code max-attempts} attempts is marked FAILED. Whether it runs ({@code balcao.whatsapp.outbound.enabled}) and
     * how often it sweeps ({@code sweep-interval}, {@code sweep-initial-delay}) are read where it is declared.
     */
    public record Outbound(@DefaultValue("8") @Min(1) int maxAttempts) {
    }
}
