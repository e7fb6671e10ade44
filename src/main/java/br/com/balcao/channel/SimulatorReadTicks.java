package br.com.balcao.channel;

import br.com.balcao.live.LiveEvent;
import br.com.balcao.tickets.MessagesRead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns the simulated customer's ticks blue while they look: the read receipts of a ticket (announced by the
 * engine in the transaction that claims them) become a live event about the ticket's customer, which the
 * simulator's stream follows. Only where the simulator is.
 */
@Component
@Profile("demo")
class SimulatorReadTicks {

    static final String KIND = "MessagesRead";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    SimulatorReadTicks(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(MessagesRead read) {
        jdbc.query("SELECT contact_id FROM tickets WHERE id = ?", row -> {
            events.publishEvent(new LiveEvent(KIND, read.numberId(), row.getLong(1), read.ticketId(), null, null));
        }, read.ticketId());
    }
}
