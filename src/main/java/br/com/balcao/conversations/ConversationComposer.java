package br.com.balcao.conversations;

import br.com.balcao.contacts.ContactView;
import br.com.balcao.desk.Composers;
import br.com.balcao.desk.TimelineMessage;
import br.com.balcao.numbers.Permission;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.tickets.ServiceWindow;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The contact page's header and composer as the user sees them now: the page draws them, the composer is
 * refreshed alone, and a transfer request answers with it.
 */
@Component
record ConversationComposer(
        ConversationsAccess access,
        ConversationHeaders headers,
        ServiceWindow window,
        Composers composers) {

    static final String FRAGMENT = "conversations/contact :: composer";

    /** The conversation's header; 404 when the user may not see the contact. */
    ConversationHeader header(long contactId) {
        ContactView contact = access.contact(contactId);
        return headers.of(contact.id(), access.user().id()).orElseThrow(() -> new NotFoundException("contact"));
    }

    /** The composer by the conversation's state; in service by the user it is the ticket's own composer. */
    void addTo(ConversationHeader header, Model model) {
        long userId = access.user().id();
        boolean windowOpen = window.isOpen(header.contactId());
        ComposerState state = ComposerState.of(header, userId, windowOpen);
        model.addAttribute("header", header);
        model.addAttribute("composerState", state.name());
        model.addAttribute("mayRequestTransfer", access.can(header.numberId(), Permission.REPLY));
        model.addAttribute("requestedByMe", header.requestedBy(userId));
        if (state == ComposerState.TEXT || state == ComposerState.EXPIRED) {
            model.addAttribute("composer", composers.of(header.ticketId(), header.numberId(), header.contactId(),
                    header.ticketStatus(), header.agentId(), header.agentName()));
        }
    }

    /**
     * What a failed message of the agent needs for its Resend button: the composer of the contact's unclosed
     * ticket, asked for only when the timeline holds such a message of that ticket.
     */
    void addResend(ConversationHeader header, List<TimelineMessage> messages, Model model) {
        Long ticketId = header.ticketId();
        if (ticketId != null && messages.stream().anyMatch(m -> m.failedByAgent() && ticketId.equals(m.ticketId()))) {
            model.addAttribute("resend", composers.of(ticketId, header.numberId(), header.contactId(),
                    header.ticketStatus(), header.agentId(), header.agentName()));
        }
    }

    /** The composer fragment alone, for the contact. */
    String fragment(long contactId, Model model) {
        addTo(header(contactId), model);
        return FRAGMENT;
    }
}
