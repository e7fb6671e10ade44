package br.com.balcao.live;

import br.com.balcao.tickets.TicketEvents;
import br.com.balcao.tickets.TicketEvents.TicketEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces each engine event (and any {@link LiveEvent} a page module publishes as an application event) on
 * the database's notification channel, from inside the transaction that made it: a transaction's events go
 * in one statement just before it commits. PostgreSQL delivers a notification only when that transaction
 * commits, and drops it on rollback, so no after-commit work (and no second connection) is needed.
 */
@Component
class LiveEventNotifier {

    static final String CHANNEL = "balcao_live";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    LiveEventNotifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TicketEvent event) {
        announce(toLive(event));
    }

    /** A page module's own live event (e.g. a transfer request), announced the same way. */
    @EventListener
    void on(LiveEvent event) {
        announce(event);
    }

    /** Within a transaction the events are gathered and notified together just before it commits. */
    private void announce(LiveEvent event) {
        String payload = json.writeValueAsString(event);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            send(List.of(payload));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.payloads.add(payload);
    }

    private void send(List<String> payloads) {
        jdbc.queryForList("SELECT pg_notify(?, payload) FROM unnest(?::text[]) AS payload", CHANNEL,
                payloads.toArray(String[]::new));
    }

    private final class Pending implements TransactionSynchronization {

        private final List<String> payloads = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            send(payloads);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(LiveEventNotifier.this);
        }
    }

    static LiveEvent toLive(TicketEvent event) {
        String kind = event.getClass().getSimpleName();
        if (event instanceof TicketEvents.MessageReceived e) {
            return new LiveEvent(kind, e.numberId(), e.contactId(), e.ticketId(), e.messageId(), null);
        }
        if (event instanceof TicketEvents.MessageQueued e) {
            return new LiveEvent(kind, e.numberId(), e.contactId(), e.ticketId(), e.messageId(), null);
        }
        if (event instanceof TicketEvents.MessageStatusChanged e) {
            return new LiveEvent(kind, e.numberId(), e.contactId(), null, e.messageId(), null);
        }
        if (event instanceof TicketEvents.TicketCreated e) {
            return new LiveEvent(kind, e.numberId(), e.contactId(), e.ticketId(), null, null);
        }
        if (event instanceof TicketEvents.TicketAssigned e) {
            return new LiveEvent(kind, e.numberId(), null, e.ticketId(), null, e.agentId());
        }
        if (event instanceof TicketEvents.TicketClosed e) {
            return new LiveEvent(kind, e.numberId(), null, e.ticketId(), null, e.agentId());
        }
        if (event instanceof TicketEvents.ReactionChanged e) {
            return new LiveEvent(kind, e.numberId(), e.contactId(), null, e.messageId(), null);
        }
        if (event instanceof TicketEvents.DetailsChanged e) {
            return new LiveEvent(kind, e.numberId(), e.contactId(), e.ticketId(), null, null);
        }
        TicketEvents.TicketTransferred e = (TicketEvents.TicketTransferred) event;
        return new LiveEvent(kind, e.numberId(), null, e.newTicketId(), null, e.toAgentId());
    }
}
