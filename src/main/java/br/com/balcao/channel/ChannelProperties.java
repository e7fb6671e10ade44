package br.com.balcao.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app talks to the WhatsApp Business Cloud API. A blank verify token or app secret means "not
 * configured": the handshake and every webhook POST are then refused.
 */
@ConfigurationProperties("balcao.whatsapp")
public record ChannelProperties(
        String verifyToken,
        String appSecret,
        @DefaultValue("https://graph.facebook.com") String graphBaseUrl,
        @DefaultValue("v23.0") String apiVersion,
        String accessToken,
        @DefaultValue("CLOUD_API") GatewayKind gateway) {

    /** Which outbound gateway sends messages. */
    public enum GatewayKind {
        /** Accepts every message and reports it delivered and read, for the demo and tests. */
        SIMULATED,
        /** The real Cloud API. */
        CLOUD_API
    }
}
