package br.com.balcao.desk;

import br.com.balcao.tickets.TicketActions;
import br.com.balcao.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the reply composer of a ticket shows ({@code templates/fragments/composer.html}), on the Desk and on the
 * contact page alike: the text box while the user serves the ticket inside the 24-hour window, the active message
 * after it, who serves it otherwise.
 */
public record Composer(long ticketId, long contactId, TicketStatus status, String agentName, boolean mine,
        boolean windowOpen, Instant windowClosesAt, boolean canSendTemplates) {

    /** The emoji the agent may react with ({@link TicketActions#REACTIONS}). */
    public List<String> reactions() {
        return TicketActions.REACTIONS;
    }

    /** Whether the user serves the ticket now (and so may reply, close and transfer). */
    static boolean servedBy(long userId, TicketStatus status, Long agentId) {
        return agentId != null && agentId == userId && status.withAgent();
    }
}
