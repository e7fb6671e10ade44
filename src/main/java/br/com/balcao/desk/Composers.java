package br.com.balcao.desk;

import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.tickets.ServiceWindow;
import br.com.balcao.tickets.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** Builds the {@link Composer} of a ticket for the current user, for every page that shows one. */
@Service
public class Composers {

    private final AccessPolicy access;
    private final ServiceWindow window;
    private final Clock clock;

    Composers(AccessPolicy access, ServiceWindow window, Clock clock) {
        this.access = access;
        this.window = window;
        this.clock = clock;
    }

    public Composer of(long ticketId, long numberId, long contactId, TicketStatus status, Long agentId,
                       String agentName) {
        boolean mine = Composer.servedBy(access.currentUser().id(), status, agentId);
        Instant windowClosesAt = window.closesAt(contactId).orElse(null);
        boolean windowOpen = windowClosesAt != null && windowClosesAt.isAfter(clock.instant());
        return new Composer(ticketId, contactId, status, agentName, mine, windowOpen, windowClosesAt,
                access.can(numberId, Permission.ACTIVE_MESSAGE));
    }

    Composer of(DeskTicketHeader ticket) {
        return of(ticket.id(), ticket.numberId(), ticket.contactId(), ticket.status(), ticket.agentId(),
                ticket.agentName());
    }
}
