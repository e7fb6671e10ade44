package br.com.balcao.channel;

import br.com.balcao.templates.MetaTemplates;
import br.com.balcao.tickets.DeliveryStatuses;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one outbound gateway, chosen by {@code balcao.whatsapp.gateway}. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    WhatsAppGateway whatsAppGateway(ChannelProperties properties, DeliveryStatuses statuses,
                                    SimulatedWhatsAppMedia simulatedWhatsAppMedia, Clock clock) {
        return switch (properties.gateway()) {
            case SIMULATED -> new SimulatedGateway(statuses, simulatedWhatsAppMedia, clock,
                    properties.simulated().deliveredAfter(), properties.simulated().readAfter());
            case CLOUD_API -> {
                if (properties.accessToken() == null || properties.accessToken().isBlank()) {
                    LoggerFactory.getLogger(GatewayConfiguration.class).warn(
                            "balcao.whatsapp.access-token is blank: every outbound message will fail");
                }
                yield new CloudApiGateway(properties.graphBaseUrl(), properties.apiVersion(), properties.accessToken());
            }
        };
    }

    /** Meta's template lists, read with the Cloud API's settings; the simulated gateway has none (local templates). */
    @Bean
    @ConditionalOnProperty(name = "balcao.whatsapp.gateway", havingValue = "CLOUD_API", matchIfMissing = true)
    MetaTemplates metaTemplates(ChannelProperties properties) {
        return new CloudApiTemplates(properties.graphBaseUrl(), properties.apiVersion(), properties.accessToken());
    }

    /** The files simulated customers send, kept where the simulated gateway serves them from. */
    @Bean
    SimulatedWhatsAppMedia simulatedWhatsAppMedia(ChannelProperties properties) {
        return new SimulatedWhatsAppMedia(properties.simulated().mediaFolder());
    }
}
