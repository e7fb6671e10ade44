package br.com.balcao.conversations;

import br.com.balcao.contacts.ContactView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.tickets.TicketConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Transfer requests: asked from the contact page of a conversation someone else serves; answered from the
 * panel of incoming requests, which the Desk and the contact page both show and refresh on live events.
 */
@Controller
record TransferRequestController(
        ConversationsAccess access,
        AccessPolicy policy,
        TransferRequests requests,
        ConversationComposer composer) {

    /** Asks for the contact's ticket; answers the composer, now saying the request is pending. */
    @PostMapping("/conversations/{contactId}/transfer-requests")
    String request(@PathVariable long contactId, Model model) {
        ContactView contact = access.contact(contactId);
        policy.require(contact.numberId(), Permission.REPLY);
        requests.request(composer.header(contactId), access.user().id());
        return composer.fragment(contactId, model);
    }

    @GetMapping("/conversations/transfer-requests")
    String incoming(Model model) {
        model.addAttribute("requests", requests.incoming(access.user().id()));
        return "conversations/transfer-requests :: panel";
    }

    @PostMapping("/conversations/transfer-requests/{requestId}/accept")
    String accept(@PathVariable long requestId, Model model, HttpServletResponse response) {
        requests.accept(requestId, access.user().id());
        response.setHeader("HX-Trigger", "desk-refresh-list, desk-refresh-composer, conversations-refresh");
        return incoming(model);
    }

    @PostMapping("/conversations/transfer-requests/{requestId}/decline")
    String decline(@PathVariable long requestId, Model model) {
        requests.decline(requestId, access.user().id());
        return incoming(model);
    }

    /** The reason in plain words, with a 409, where the button was. */
    @ExceptionHandler(TicketConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(TicketConflictException refusal, Model model) {
        model.addAttribute("reason", refusal.reason());
        return "conversations/transfer-requests :: refusal";
    }
}
