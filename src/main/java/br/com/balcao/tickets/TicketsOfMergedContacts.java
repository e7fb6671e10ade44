package br.com.balcao.tickets;

import br.com.balcao.contacts.MergedContacts;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.tickets.TicketStore.LockedTicket;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged contact's tickets, messages and notes go to the contact that stays. A contact has at most one unclosed
 * ticket: when both have one, the duplicate's is closed as {@link CloseReason#TRANSFERRED} (the conversation goes
 * on in the survivor's ticket, as after a transfer) and keeps its messages, so that each ticket's figures stay
 * those of what happened in it.
 */
@Component
class TicketsOfMergedContacts implements MergedContacts {

    private final JdbcTemplate jdbc;
    private final TicketStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketsOfMergedContacts(JdbcTemplate jdbc, TicketStore store, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void move(long duplicateId, long survivorId) {
        Optional<LockedTicket> duplicateOpen = store.lockUnclosedOf(duplicateId);
        if (duplicateOpen.isPresent() && store.lockUnclosedOf(survivorId).isPresent()) {
            LockedTicket ticket = duplicateOpen.get();
            store.close(ticket.id(), CloseReason.TRANSFERRED, clock.instant());
            events.publishEvent(new TicketClosed(ticket.numberId(), ticket.id(), ticket.agentId(),
                    CloseReason.TRANSFERRED));
        }
        jdbc.update("UPDATE tickets SET contact_id = ? WHERE contact_id = ?", survivorId, duplicateId);
        jdbc.update("UPDATE messages SET contact_id = ? WHERE contact_id = ?", survivorId, duplicateId);
        jdbc.update("UPDATE notes SET contact_id = ? WHERE contact_id = ?", survivorId, duplicateId);
    }
}
