package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's envelope reads as Meta's: with the profile name typed, or none when it was left blank. */
class SimulatedCustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");

    private final WebhookEnvelopeParser parser = new WebhookEnvelopeParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCustomerWithoutANameSendsNoProfileName() {
        InboundMessage message = parsed(null);

        assertThat(message.profileName()).isNull();
        assertThat(message.fromWaId()).isEqualTo("5511977771610");
        assertThat(message.text()).isEqualTo("Oi");
    }

    @Test
    void aNamedCustomerSendsTheName() {
        assertThat(parsed("Ana Lima").profileName()).isEqualTo("Ana Lima");
    }

    private InboundMessage parsed(String profileName) {
        byte[] body = JsonMapper.builder().build().writeValueAsBytes(
                SimulatedCustomer.envelope("123456", "5511977771610", profileName, "Oi", NOW));
        List<WebhookChange> changes = parser.parse(body);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).messages()).hasSize(1);
        return changes.get(0).messages().get(0);
    }
}
