package br.com.balcao.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customer sees of the agent: blue ticks on their messages once the ticket's agent has them on screen,
 * and "typing…" while the agent writes. Only the ticket's own agent counts (a manager looking on reads nothing),
 * and only where the number has the option on (business_numbers.read_receipts, typing_indicator). The channel
 * tells WhatsApp, hearing {@link MessagesRead} and {@link AgentTyping}.
 */
@Service
public class ReadReceipts {

    /** Meta marks messages read within 30 days of their receipt; older ones are left alone. */
    static final Duration MARKABLE = Duration.ofDays(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReadReceipts(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    private record Claimed(long numberId, String wamid, Instant createdAt, long id) {
    }

    /**
     * The agent has the ticket's messages on screen: its customer's messages not yet marked read are claimed
     * (read_receipt_at, once each, so two tabs or instances never both send one) and announced.
     */
    @Transactional
    public void markRead(long ticketId, long agentId) {
        Instant now = clock.instant();
        List<Claimed> claimed = jdbc.query("""
                UPDATE messages m SET read_receipt_at = ?
                  FROM tickets t JOIN business_numbers n ON n.id = t.number_id AND n.read_receipts
                 WHERE m.ticket_id = ? AND t.id = m.ticket_id AND t.agent_id = ? AND\s"""
                + TicketStatus.sqlWithAgent("t.status") + """

                   AND m.direction = 'INBOUND' AND m.read_receipt_at IS NULL AND m.wamid IS NOT NULL
                   AND m.created_at > ?
                RETURNING m.number_id, m.wamid, m.created_at, m.id
                """, (row, i) -> new Claimed(row.getLong("number_id"), row.getString("wamid"),
                        row.getTimestamp("created_at").toInstant(), row.getLong("id")),
                Timestamp.from(now), ticketId, agentId, Timestamp.from(now.minus(MARKABLE)));
        if (claimed.isEmpty()) {
            return;
        }
        List<String> oldestFirst = claimed.stream()
                .sorted(Comparator.comparing(Claimed::createdAt).thenComparingLong(Claimed::id))
                .map(Claimed::wamid).toList();
        events.publishEvent(new MessagesRead(claimed.get(0).numberId(), ticketId, oldestFirst));
    }

    /**
     * The agent is writing in the ticket's composer: announced with the customer's latest message, which
     * WhatsApp shows "typing…" under. Nothing when the agent does not serve the ticket, the number has the
     * indicator or the read receipts off (WhatsApp's typing request also marks the message read), or the
     * customer has written nothing.
     */
    public void typing(long ticketId, long agentId) {
        jdbc.query("""
                SELECT m.number_id, m.wamid
                  FROM tickets t JOIN business_numbers n ON n.id = t.number_id AND n.typing_indicator AND n.read_receipts
                  JOIN LATERAL (SELECT number_id, wamid FROM messages
                                 WHERE ticket_id = t.id AND direction = 'INBOUND' AND wamid IS NOT NULL
                                 ORDER BY created_at DESC, id DESC LIMIT 1) m ON true
                 WHERE t.id = ? AND t.agent_id = ? AND\s""" + TicketStatus.sqlWithAgent("t.status"),
                row -> {
                    events.publishEvent(new AgentTyping(row.getLong("number_id"), ticketId, row.getString("wamid")));
                }, ticketId, agentId);
    }
}
