package br.com.balcao.desk;

import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.tickets.ReadReceipts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The composer says the agent is writing (at most every 20 seconds, composer.js); the customer may see "typing…".
 * Checked as a reply is: 404 for another number's ticket, 403 without the permission to reply.
 */
@Controller
record TypingController(DeskTickets tickets, ReadReceipts receipts, AccessPolicy access) {

    @PostMapping("/desk/tickets/{ticketId}/typing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void typing(@PathVariable long ticketId) {
        DeskTicketHeader ticket = tickets.visible(ticketId);
        access.require(ticket.numberId(), Permission.REPLY);
        receipts.typing(ticket.id(), access.currentUser().id());
    }
}
