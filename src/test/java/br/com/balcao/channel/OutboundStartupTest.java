package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.OutboundMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A message left PENDING by a crash is in the database before the app starts: the first scheduled sweep
 * sends it exactly once, and the simulated WhatsApp (the demo's) then reports it delivered and read.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "balcao.whatsapp.outbound.enabled=true",
        "balcao.whatsapp.gateway=SIMULATED",
        "balcao.whatsapp.simulated.delivered-after=50ms",
        "balcao.whatsapp.simulated.read-after=100ms",
        "balcao.whatsapp.outbound.sweep-interval=1h"
})
@Import(OutboundStartupTest.LeftoverConfiguration.class)
class OutboundStartupTest {

    record Leftover(long messageId) {
    }

    /** The simulated gateway, counting what it is asked to send. */
    static class CountingGateway implements WhatsAppGateway {

        final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
        private final WhatsAppGateway delegate;

        CountingGateway(WhatsAppGateway delegate) {
            this.delegate = delegate;
        }

        @Override
        public SendResult send(String phoneNumberId, OutboundMessage message) {
            sent.add(message);
            return delegate.send(phoneNumberId, message);
        }

        @Override
        public java.util.Optional<MediaFile> media(String mediaId) {
            return delegate.media(mediaId);
        }

        @Override
        public boolean markRead(String phoneNumberId, String wamid) {
            return delegate.markRead(phoneNumberId, wamid);
        }

        @Override
        public boolean showTyping(String phoneNumberId, String wamid) {
            return delegate.showTyping(phoneNumberId, wamid);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class LeftoverConfiguration {

        /** Stored while the context starts, before any scheduled job runs. */
        @Bean
        Leftover leftover(TestData data, JdbcTemplate jdbc) {
            long numberId = data.number("Restarted");
            long contactId = data.contact(numberId, "Bia");
            Timestamp before = Timestamp.from(TestClock.START.minusSeconds(30));
            return new Leftover(jdbc.queryForObject("""
                    INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, status,
                                          next_attempt_at, created_at)
                    VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', 'Recebemos seu pedido', 'PENDING', ?, ?) RETURNING id
                    """, Long.class, numberId, contactId, before, before));
        }

        @Bean
        @Primary
        CountingGateway countingGateway(@Qualifier("whatsAppGateway") WhatsAppGateway simulated) {
            return new CountingGateway(simulated);
        }
    }

    @Autowired Leftover leftover;
    @Autowired CountingGateway gateway;
    @Autowired OutboundDispatcher dispatcher;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aMessageLeftPendingBeforeStartIsSentOnceThenDeliveredAndRead() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(row().get("status")).isEqualTo("READ"));

        Map<String, Object> row = row();
        assertThat((String) row.get("wamid")).startsWith("wamid.sim.");
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("delivered_at")).as("delivered is reported before read").isNotNull();
        assertThat(row.get("read_at")).isNotNull();

        dispatcher.sweep();
        dispatcher.sendNow(leftover.messageId());
        assertThat(gateway.sent).extracting(OutboundMessage::id).containsExactly(leftover.messageId());
        assertThat(row().get("send_attempts")).isEqualTo(1);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("""
                SELECT status, wamid, sent_at, delivered_at, read_at, send_attempts FROM messages WHERE id = ?
                """, leftover.messageId());
    }
}
