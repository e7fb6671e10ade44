package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * WhatsApp answers 503 for a minute, with the production's retry settings: the queued messages wait (PENDING,
 * retried with backoff) and, once it is back, each is delivered exactly once.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "balcao.whatsapp.outbound.enabled=true",
        "balcao.whatsapp.outbound.sweep-interval=1h",
        "balcao.whatsapp.outbound.sweep-initial-delay=1h"
})
@Import(OutboundDispatcherTest.ScriptedGatewayConfiguration.class)
class WhatsAppOutageTest {

    @Autowired OutboundDispatcher dispatcher;
    @Autowired ScriptedGateway gateway;
    @Autowired TestClock clock;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void clockBack() {
        clock.set(TestClock.START);
    }

    @Test
    void whatsAppUnavailableForAMinuteDelaysEveryMessageAndThenDeliversEachOnce() {
        long numberId = data.number("Fora do ar " + TestData.unique());
        long contactId = data.contact(numberId, "Ana");
        List<Long> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(pendingText(numberId, contactId, "Mensagem " + i));
        }
        Instant backAt = clock.instant().plus(Duration.ofMinutes(1));
        gateway.unavailableWhile(() -> clock.instant().isBefore(backAt));
        try {
            for (int second = 0; second < 6 * 60 && !allSent(queued); second++) {
                dispatcher.sweep();
                if (clock.instant().isBefore(backAt)) {
                    assertThat(queued).allSatisfy(id -> assertThat(row(id)).containsEntry("status", "PENDING"));
                }
                clock.advance(Duration.ofSeconds(1));
            }
        } finally {
            gateway.unavailableWhile(() -> false);
        }

        assertThat(queued).allSatisfy(id -> {
            assertThat(row(id)).containsEntry("status", "SENT").containsEntry("wamid", "wamid.test." + id);
            List<ScriptedGateway.Call> calls = gateway.callsFor(id);
            assertThat(calls).as("tried during the outage, then sent once").hasSizeGreaterThan(1);
            assertThat(calls.get(calls.size() - 1).message().attempt()).isEqualTo(calls.size());
        });
        dispatcher.sweep();
        assertThat(queued).allSatisfy(id -> assertThat(gateway.callsFor(id).size()).isEqualTo(row(id).get("send_attempts")));
    }

    private boolean allSent(List<Long> ids) {
        return ids.stream().allMatch(id -> "SENT".equals(row(id).get("status")));
    }

    private long pendingText(long numberId, long contactId, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, status,
                                      next_attempt_at, created_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', ?, 'PENDING', ?, ?) RETURNING id
                """, Long.class, numberId, contactId, body, now, now);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, wamid, send_attempts FROM messages WHERE id = ?", id);
    }
}
