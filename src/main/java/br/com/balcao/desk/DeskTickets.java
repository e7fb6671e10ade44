package br.com.balcao.desk;

import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.ReadReceipts;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Desk's tickets as its pages show them: the one access check every ticket id goes through, and the timeline.
 * The customer's messages its agent is shown are marked read (see {@link ReadReceipts}).
 */
@Component
record DeskTickets(DeskQueries queries, AccessPolicy access, ReadReceipts receipts, Composers composers,
        TimelineRows rows) {

    /** The ticket, if the user may see its number; 404 otherwise, as if it did not exist. */
    DeskTicketHeader visible(long ticketId) {
        DeskTicketHeader ticket = queries.header(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        access.requireVisible(ticket.numberId());
        return ticket;
    }

    /** The timeline's newest page, or with {@code before} the page before that message. */
    void addTimeline(DeskTicketHeader ticket, Optional<Long> before, Model model) {
        if (before.isEmpty()) {
            markReadBy(ticket);
        }
        TimelinePage page = queries.timeline(ticket.id(), before);
        addMessages(ticket, page.messages(), model);
        model.addAttribute("hasOlder", page.hasOlder());
    }

    /** The messages that came after the one shown last, to append. */
    void addNewer(DeskTicketHeader ticket, long after, Model model) {
        markReadBy(ticket);
        addMessages(ticket, queries.newerThan(ticket.id(), after), model);
        model.addAttribute("hasOlder", false);
    }

    private void markReadBy(DeskTicketHeader ticket) {
        long userId = access.currentUser().id();
        if (Composer.servedBy(userId, ticket.status(), ticket.agentId())) {
            receipts.markRead(ticket.id(), userId);
        }
    }

    private void addMessages(DeskTicketHeader ticket, List<TimelineMessage> messages, Model model) {
        if (messages.stream().anyMatch(TimelineMessage::failedByAgent)) {
            model.addAttribute("resend", composers.of(ticket));
        }
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", messages);
        model.addAttribute("rows", rows.of(messages, ticket.zone()));
    }
}
