package br.com.balcao.tickets;

import br.com.balcao.tickets.TicketEvents.TicketEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Records the engine's events, for tests that count what was announced. */
@TestComponent
public class EventRecorder {

    private final List<TicketEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TicketEvent event) {
        events.add(event);
    }

    public <T extends TicketEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
