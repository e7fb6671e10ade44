package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's own statements on the partitioned messages: a customer's message delivered again with a timestamp of
 * another month is still the same message, and a status of an outbound message finds it in its month.
 */
@IntegrationTest
class InboundAcrossMonthsTest {

    @Autowired
    MessageLog messageLog;

    @Autowired
    DeliveryStatuses statuses;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMessageRedeliveredInAnotherMonthIsNotStoredTwice() {
        jdbc.queryForObject("SELECT create_message_partitions('2026-10-01', '2027-01-01')", Integer.class);
        long numberId = data.number("Meses");
        long contactId = data.contact(numberId, "Cliente dos meses");
        String wamid = "wamid.months." + TestData.unique();

        long stored = messageLog.storeInbound(incoming(numberId, contactId, wamid, "2026-10-31T23:59:30Z"), null)
                .orElseThrow();
        assertThat(messageLog.storeInbound(incoming(numberId, contactId, wamid, "2026-12-02T10:00:00Z"), null))
                .isEmpty();
        assertThat(messageLog.storeInbound(incoming(numberId, contactId, wamid, "2026-10-31T23:59:30Z"), null))
                .isEmpty();

        assertThat(jdbc.queryForList("SELECT tableoid::regclass::text FROM messages WHERE wamid = ?", String.class, wamid))
                .containsExactly("messages_2026_10");
        assertThat(messageLog.isStored(numberId, wamid)).isTrue();
        assertThat(messageLog.isStored(numberId, wamid + ".other")).isFalse();
        assertThat(stored).isPositive();
    }

    @Test
    void aStatusFindsTheOutboundMessageInItsMonth() {
        jdbc.queryForObject("SELECT create_message_partitions('2026-10-01', '2027-01-01')", Integer.class);
        long numberId = data.number("Meses de status");
        long contactId = data.contact(numberId, "Cliente do status");
        long agentId = data.agent(numberId, "ONLINE");
        String wamid = "wamid.months.out." + TestData.unique();
        long messageId = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, author_user_id, type, body, status,
                                      created_at)
                VALUES (?, ?, 'OUTBOUND', 'AGENT', ?, 'TEXT', 'Seu pedido saiu', 'PENDING', '2026-11-30T23:59:00Z')
                RETURNING id""", Long.class, numberId, contactId, agentId);
        jdbc.update("UPDATE messages SET wamid = ?, status = 'SENT' WHERE id = ?", wamid, messageId);

        assertThat(statuses.record(numberId, wamid, DeliveryStatus.READ, Instant.parse("2026-12-01T00:01:00Z"), null,
                null)).isTrue();
        assertThat(statuses.record(numberId, wamid + ".unknown", DeliveryStatus.READ,
                Instant.parse("2026-12-01T00:01:00Z"), null, null)).isFalse();

        assertThat(jdbc.queryForObject("SELECT status FROM messages WHERE id = ?", String.class, messageId))
                .isEqualTo("READ");
        assertThat(jdbc.queryForObject("SELECT created_at = '2026-11-30T23:59:00Z' FROM message_wamids WHERE wamid = ?",
                Boolean.class, wamid)).isTrue();
    }

    private static IncomingMessage incoming(long numberId, long contactId, String wamid, String at) {
        return new IncomingMessage(numberId, contactId, wamid, Instant.parse(at), MessageType.TEXT, "Oi, tudo bem?",
                null, null, null, null, null, null, null);
    }
}
