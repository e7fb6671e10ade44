package br.com.balcao.tickets;

import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactView;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.templates.TemplateStatus;
import br.com.balcao.templates.TemplateHeader;
import br.com.balcao.templates.TemplateView;
import br.com.balcao.tickets.TicketEvents.TicketAssigned;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.tickets.TicketEvents.TicketTransferred;
import br.com.balcao.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents do to tickets: reply, close, transfer, and send active messages. The pages check who may
 * see the ticket (the access policy); these methods check the ticket's state and the agent's role in it.
 */
@Service
public class TicketActions {

    private final TicketStore store;
    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final TagRepository tags;
    private final AgentSlots slots;
    private final OutboundQueue outbox;
    private final ServiceWindow window;
    private final TemplateCatalog templates;
    private final ContactDirectory contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageReactions reactions;
    private final JdbcTemplate jdbc;

    TicketActions(TicketStore store, TicketRepository tickets, MessageRepository messages, TagRepository tags, AgentSlots slots,
                  OutboundQueue outbox, ServiceWindow window, TemplateCatalog templates, ContactDirectory contacts,
                  ApplicationEventPublisher events, Clock clock, MessageReactions reactions, JdbcTemplate jdbc) {
        this.store = store;
        this.tickets = tickets;
        this.messages = messages;
        this.tags = tags;
        this.slots = slots;
        this.outbox = outbox;
        this.window = window;
        this.templates = templates;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
        this.reactions = reactions;
        this.jdbc = jdbc;
    }

    /** The longest text reply, in characters: what WhatsApp accepts in a text message. */
    public static final int MAX_REPLY = 4096;

    /**
     * The agent's text reply (without its surrounding blanks), within the 24-hour window only. The first reply
     * puts the ticket in service (OPEN) and records the first response time. An empty or too long text is refused.
     */
    @Transactional
    public long reply(long ticketId, long agentId, String text) {
        return reply(ticketId, agentId, text, null);
    }

    /**
     * The agent's text reply quoting one of the customer's conversation messages ({@code replyTo}, null for none):
     * WhatsApp shows the quote above it. See {@link #quotable} for which messages may be quoted.
     */
    @Transactional
    public long reply(long ticketId, long agentId, String text, Long replyTo) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_REPLY) {
            throw new InvalidInputException("desk.refused.bad-text");
        }
        return queueInWindow(ticketId, agentId, MessageType.TEXT, replyTo, message -> message.withText(body));
    }

    /**
     * The agent's media message (a file the app keeps already), quoting {@code replyTo} (null for none), within
     * the 24-hour window only, with the same rules as a text reply.
     */
    @Transactional
    public long sendMedia(long ticketId, long agentId, OutgoingMedia media, Long replyTo) {
        return queueInWindow(ticketId, agentId, media.type(), replyTo, message -> message.withMedia(media));
    }

    /**
     * The agent's message in the 24-hour window, quoting {@code replyTo} (null for none): the first one puts the
     * ticket in service (OPEN) and records the first response time.
     */
    private long queueInWindow(long ticketId, long agentId, MessageType type, Long replyTo,
                               UnaryOperator<Message> content) {
        Ticket ticket = writableTicketOf(ticketId, agentId);
        String contextWamid = replyTo == null ? null : quotable(ticket, replyTo).wamid();
        Instant now = clock.instant();
        ticket.recordAgentResponse(now);
        return outbox.queue(content.apply(Message.byAgent(ticket.getNumberId(), ticket.getContactId(), ticketId,
                agentId, type, now)).replyingTo(contextWamid));
    }

    /** The emoji an agent may react with; the empty one takes the agent's reaction back. */
    public static final List<String> REACTIONS = List.of("👍", "❤️", "😂", "😮", "😢", "🙏");

    /**
     * The business's reaction on a message of the ticket's contact (one of {@link #REACTIONS}, or empty to take it
     * back), stored and sent after commit, under the same rules as a reply: the agent serves the ticket and the
     * 24-hour window is open.
     */
    @Transactional
    public void react(long ticketId, long agentId, long messageId, String emoji) {
        if (emoji == null || !emoji.isEmpty() && !REACTIONS.contains(emoji)) {
            throw new InvalidInputException("desk.refused.bad-reaction");
        }
        Ticket ticket = writableTicketOf(ticketId, agentId);
        Quotable message = quotable(ticket, messageId);
        if (!message.inbound()) {
            throw new TicketConflictException("not-quotable");
        }
        reactions.byAgent(ticket.getNumberId(), ticket.getContactId(), message.recipientWaId(), messageId,
                message.wamid(), agentId, emoji, clock.instant());
    }

    private record Quotable(long numberId, long contactId, String wamid, String recipientWaId, boolean inbound) {
    }

    /**
     * A message the agent may quote or react to: one of the ticket's contact on the ticket's number, with the id
     * WhatsApp knows it by (a message not yet sent has none). Another number's message is not found (404), as
     * if it did not exist; another contact's, or one without a wamid, is refused in words.
     */
    private Quotable quotable(Ticket ticket, long messageId) {
        Quotable message = jdbc.query("""
                SELECT m.number_id, m.contact_id, m.wamid, c.wa_id, m.direction = 'INBOUND'
                  FROM messages m JOIN contacts c ON c.id = m.contact_id
                 WHERE m.id = ?""", (row, i) -> new Quotable(row.getLong(1), row.getLong(2), row.getString(3),
                row.getString(4), row.getBoolean(5)), messageId).stream().findFirst()
                .filter(found -> found.numberId() == ticket.getNumberId())
                .orElseThrow(() -> new NotFoundException("message"));
        if (message.contactId() != ticket.getContactId() || message.wamid() == null) {
            throw new TicketConflictException("not-quotable");
        }
        return message;
    }

    /** The ticket the agent serves, locked, when free text may be sent (the 24-hour window is open). */
    private Ticket writableTicketOf(long ticketId, long agentId) {
        Ticket ticket = activeTicketOf(ticketId, agentId);
        if (!window.isOpen(ticket.getContactId())) {
            throw new TicketConflictException("window-expired");
        }
        return ticket;
    }

    /** The agent closes the ticket (reason ATTENDANT), with the tags they chose. */
    @Transactional
    public void close(long ticketId, long agentId, Collection<Long> tagIds) {
        Ticket ticket = activeTicketOf(ticketId, agentId);
        // A tag deleted meanwhile is simply not applied.
        ticket.closeByAgent(tags.findAllById(tagIds), clock.instant());
        events.publishEvent(new TicketClosed(ticket.getNumberId(), ticketId, agentId, CloseReason.ATTENDANT));
    }

    /**
     * Hands the conversation to another agent of the number: this ticket closes as TRANSFERRED and a new,
     * linked ticket (without the tags) is assigned to the target. Returns the new ticket's id.
     */
    @Transactional
    public long transfer(long ticketId, long fromAgentId, long toAgentId) {
        Ticket ticket = activeTicketOf(ticketId, fromAgentId);
        if (fromAgentId == toAgentId) {
            throw new TicketConflictException("same-agent");
        }
        if (!slots.mayBeHanded(toAgentId, ticket.getNumberId())) {
            throw new TicketConflictException("target-not-agent");
        }
        Instant now = clock.instant();
        Ticket next = ticket.transferTo(toAgentId, store.nextTicketNumber(ticket.getNumberId()), now);
        tickets.saveAndFlush(ticket);
        long newTicket = tickets.save(next).getId();
        events.publishEvent(new TicketClosed(ticket.getNumberId(), ticketId, fromAgentId, CloseReason.TRANSFERRED));
        events.publishEvent(new TicketTransferred(ticket.getNumberId(), ticketId, newTicket, fromAgentId, toAgentId));
        slots.assigned(ticket.getNumberId(), newTicket, toAgentId, now);
        return newTicket;
    }

    /**
     * Sends an approved template to a contact, the only way to write outside the 24-hour window. With no
     * unclosed ticket, it opens one in service by the sender, marked as opened by an active message so
     * that queue and first-response figures leave it out. Returns the message id.
     */
    @Transactional
    public long sendActiveMessage(long contactId, long templateId, List<String> values, long agentId) {
        return sendActiveMessage(contactId, templateId, values, null, agentId);
    }

    /** As {@link #sendActiveMessage(long, long, List, long)}, with what fills the template's header. */
    @Transactional
    public long sendActiveMessage(long contactId, long templateId, List<String> values, TemplateHeader header,
            long agentId) {
        long numberId = contacts.find(contactId).map(ContactView::numberId)
                .orElseThrow(() -> new NotFoundException("contact"));
        TemplateView template = templates.find(templateId)
                .filter(found -> found.numberId() == numberId && found.status() == TemplateStatus.APPROVED)
                .orElseThrow(() -> new NotFoundException("template"));
        String text = template.render(values);
        Instant now = clock.instant();
        // Opened in SQL: a customer's message may open the contact's ticket at the same moment, and then it is joined.
        long ticketId = store.lockUnclosedOf(contactId)
                .orElseGet(() -> store.openOrJoin(numberId, contactId, TicketStatus.OPEN, agentId, null, true, now)
                        .ticket()).id();
        Ticket ticket = tickets.lock(ticketId).orElseThrow();
        if (ticket.getAgentId() != null && ticket.getAgentId() != agentId) {
            throw new TicketConflictException("not-yours");
        }
        boolean queued = ticket.getStatus() == TicketStatus.WAITING;
        ticket.takeIntoService(agentId, now);
        if (queued) {
            events.publishEvent(new TicketAssigned(numberId, ticketId, agentId));
        }
        return outbox.queue(Message.byAgent(numberId, contactId, ticketId, agentId, MessageType.TEMPLATE, now)
                .withText(text).withTemplate(template.name(), template.language(), values, header));
    }

    /**
     * Sends again the agent's message WhatsApp refused: it goes back to the outbox PENDING. Only by the agent
     * serving its ticket, as a reply: a text inside the 24-hour window, a template at any time. A message that is
     * not a message of this ticket is not found; one that is not the agent's, or not FAILED, is refused.
     */
    @Transactional
    public void resend(long ticketId, long messageId, long agentId) {
        Ticket ticket = activeTicketOf(ticketId, agentId);
        Message message = messages.findById(messageId)
                .filter(found -> Long.valueOf(ticketId).equals(found.getTicketId()))
                .orElseThrow(() -> new NotFoundException("message"));
        if (message.getAuthorType() != AuthorType.AGENT || message.getStatus() != DeliveryStatus.FAILED) {
            throw new TicketConflictException("not-failed");
        }
        if (message.getType() != MessageType.TEMPLATE && !window.isOpen(ticket.getContactId())) {
            throw new TicketConflictException("window-expired");
        }
        if (!outbox.requeue(messageId)) {
            throw new TicketConflictException("not-failed");
        }
    }

    /**
     * A scheduled message, sent by the scheduling job in its author's name: the text inside the contact's 24-hour
     * window, otherwise the approved template of the contact's number ({@code templateId}; without one it is refused as
     * "window-expired"). It goes on the contact's unclosed ticket; a waiting ticket, one assigned to the author, or
     * none (then opened as by an active message) is taken into service by the author; a ticket another agent serves
     * stays theirs, the message in its timeline. The job checks the author's permissions. Returns the message id.
     */
    @Transactional
    public long sendScheduled(long contactId, long authorId, String text, Long templateId, List<String> values) {
        long numberId = contacts.find(contactId).map(ContactView::numberId)
                .orElseThrow(() -> new NotFoundException("contact"));
        boolean inWindow = window.isOpen(contactId);
        if (!inWindow && templateId == null) {
            throw new TicketConflictException("window-expired");
        }
        TemplateView template = inWindow ? null : templates.approved(templateId, numberId)
                .orElseThrow(() -> new NotFoundException("template"));
        Instant now = clock.instant();
        long ticketId = store.lockUnclosedOf(contactId)
                .orElseGet(() -> store.openOrJoin(numberId, contactId, TicketStatus.OPEN, authorId, null, true, now)
                        .ticket()).id();
        Ticket ticket = tickets.lock(ticketId).orElseThrow();
        if (ticket.getAgentId() == null || ticket.getAgentId() == authorId) {
            boolean queued = ticket.getStatus() == TicketStatus.WAITING;
            ticket.takeIntoService(authorId, now);
            if (queued) {
                events.publishEvent(new TicketAssigned(numberId, ticketId, authorId));
            }
        }
        Message message = inWindow
                ? Message.byAgent(numberId, contactId, ticketId, authorId, MessageType.TEXT, now).withText(text)
                : Message.byAgent(numberId, contactId, ticketId, authorId, MessageType.TEMPLATE, now)
                        .withText(template.render(values))
                        .withTemplate(template.name(), template.language(), values, null);
        return outbox.queue(message);
    }

    /** The ticket, locked, when the agent serves it with the REPLY permission. */
    private Ticket activeTicketOf(long ticketId, long agentId) {
        Ticket ticket = tickets.lock(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        if (!ticket.getStatus().withAgent()) {
            throw new TicketConflictException("not-in-service");
        }
        if (!ticket.servedBy(agentId) || !slots.mayReply(agentId, ticket.getNumberId())) {
            throw new TicketConflictException("not-yours");
        }
        return ticket;
    }
}
