package br.com.balcao.tickets;

import br.com.balcao.templates.TemplateCatalog;
import br.com.balcao.templates.TemplateStatus;
import br.com.balcao.templates.TemplateView;
import br.com.balcao.tickets.TicketEvents.MessageQueued;
import br.com.balcao.tickets.TicketEvents.TicketAssigned;
import br.com.balcao.tickets.TicketEvents.TicketClosed;
import br.com.balcao.tickets.TicketEvents.TicketTransferred;
import br.com.balcao.tickets.TicketStore.LockedTicket;
import br.com.balcao.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What agents do to tickets: reply, close, transfer, and send active messages. The pages check who may
 * see the ticket (the access policy); these methods check the ticket's state and the agent's role in it.
 */
@Service
public class TicketActions {

    private final TicketStore store;
    private final AgentSlots slots;
    private final JdbcTemplate jdbc;
    private final ServiceWindow window;
    private final TemplateCatalog templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    TicketActions(TicketStore store, AgentSlots slots, JdbcTemplate jdbc, ServiceWindow window, TemplateCatalog templates,
                  ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.jdbc = jdbc;
        this.window = window;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The agent's text reply, within the 24-hour window only. The first reply puts the ticket in service
     * (OPEN) and records the first response time.
     */
    @Transactional
    public long reply(long ticketId, long agentId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty reply");
        }
        LockedTicket ticket = activeTicketOf(ticketId, agentId);
        if (!window.isOpen(ticket.contactId())) {
            throw new TicketConflictException("window-expired");
        }
        Instant now = clock.instant();
        if (ticket.status() == TicketStatus.ASSIGNED) {
            jdbc.update("""
                    UPDATE tickets SET status = 'OPEN', first_response_at = ?, version = version + 1
                     WHERE id = ? AND status = 'ASSIGNED'
                    """, Timestamp.from(now), ticketId);
        }
        return queueOutbound(ticket.numberId(), ticket.contactId(), ticketId, agentId, "TEXT", text, null, null, now);
    }

    /** The agent closes the ticket (reason ATTENDANT), with the tags they chose. */
    @Transactional
    public void close(long ticketId, long agentId, Collection<Long> tagIds) {
        LockedTicket ticket = activeTicketOf(ticketId, agentId);
        jdbc.update("DELETE FROM ticket_tags WHERE ticket_id = ?", ticketId);
        // A tag deleted meanwhile is simply not applied.
        tagIds.forEach(tag -> jdbc.update("INSERT INTO ticket_tags (ticket_id, tag_id) SELECT ?, id FROM tags WHERE id = ?",
                ticketId, tag));
        store.close(ticketId, CloseReason.ATTENDANT, clock.instant());
        events.publishEvent(new TicketClosed(ticket.numberId(), ticketId, agentId, CloseReason.ATTENDANT));
    }

    /**
     * Hands the conversation to another agent of the number: this ticket closes as TRANSFERRED and a new,
     * linked ticket (without the tags) is assigned to the target. Returns the new ticket's id.
     */
    @Transactional
    public long transfer(long ticketId, long fromAgentId, long toAgentId) {
        LockedTicket ticket = activeTicketOf(ticketId, fromAgentId);
        if (fromAgentId == toAgentId) {
            throw new TicketConflictException("same-agent");
        }
        Boolean targetReplies = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM memberships m JOIN app_users u ON u.id = m.user_id
                                WHERE m.user_id = ? AND m.number_id = ? AND m.can_reply AND u.enabled)
                """, Boolean.class, toAgentId, ticket.numberId());
        if (!Boolean.TRUE.equals(targetReplies)) {
            throw new TicketConflictException("target-not-agent");
        }
        Instant now = clock.instant();
        store.close(ticketId, CloseReason.TRANSFERRED, now);
        long newTicket = store.openOrJoin(ticket.numberId(), ticket.contactId(), TicketStatus.ASSIGNED, toAgentId,
                ticketId, false, now).ticket().id();
        jdbc.update("UPDATE app_users SET last_assigned_at = ? WHERE id = ?", Timestamp.from(now), toAgentId);
        events.publishEvent(new TicketClosed(ticket.numberId(), ticketId, fromAgentId, CloseReason.TRANSFERRED));
        events.publishEvent(new TicketTransferred(ticket.numberId(), ticketId, newTicket, fromAgentId, toAgentId));
        events.publishEvent(new TicketAssigned(ticket.numberId(), newTicket, toAgentId));
        return newTicket;
    }

    /**
     * Sends an approved template to a contact, the only way to write outside the 24-hour window. With no
     * unclosed ticket, it opens one in service by the sender, marked as opened by an active message so
     * that queue and first-response figures leave it out. Returns the message id.
     */
    @Transactional
    public long sendActiveMessage(long contactId, long templateId, List<String> values, long agentId) {
        long numberId = jdbc.queryForList("SELECT number_id FROM contacts WHERE id = ?", Long.class, contactId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("contact"));
        TemplateView template = templates.find(templateId)
                .filter(found -> found.numberId() == numberId && found.status() == TemplateStatus.APPROVED)
                .orElseThrow(() -> new NotFoundException("template"));
        String text = template.render(values);
        Instant now = clock.instant();
        LockedTicket ticket = store.lockUnclosedOf(contactId)
                .orElseGet(() -> store.openOrJoin(numberId, contactId, TicketStatus.OPEN, agentId, null, true, now)
                        .ticket());
        if (ticket.agentId() != null && ticket.agentId() != agentId) {
            throw new TicketConflictException("not-yours");
        }
        if (ticket.status() == TicketStatus.WAITING || ticket.status() == TicketStatus.ASSIGNED) {
            takeIntoService(ticket, agentId, now);
        }
        return queueOutbound(numberId, contactId, ticket.id(), agentId, "TEMPLATE", text, template, values, now);
    }

    /** The sender's template is the ticket's first response; a queued ticket becomes the sender's. */
    private void takeIntoService(LockedTicket ticket, long agentId, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                UPDATE tickets SET status = 'OPEN', agent_id = ?, assigned_at = COALESCE(assigned_at, ?),
                                   first_response_at = ?, version = version + 1
                 WHERE id = ?
                """, agentId, at, at, ticket.id());
        if (ticket.status() == TicketStatus.WAITING) {
            events.publishEvent(new TicketAssigned(ticket.numberId(), ticket.id(), agentId));
        }
    }

    private LockedTicket activeTicketOf(long ticketId, long agentId) {
        LockedTicket ticket = store.lock(ticketId).orElseThrow(() -> new NotFoundException("ticket"));
        if (ticket.status() == TicketStatus.CLOSED || ticket.status() == TicketStatus.WAITING) {
            throw new TicketConflictException("not-in-service");
        }
        if (ticket.agentId() == null || ticket.agentId() != agentId || !slots.mayReply(agentId, ticket.numberId())) {
            throw new TicketConflictException("not-yours");
        }
        return ticket;
    }

    private long queueOutbound(long numberId, long contactId, long ticketId, long agentId, String type, String text,
                               TemplateView template, List<String> values, Instant now) {
        Timestamp at = Timestamp.from(now);
        long messageId = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, author_user_id, type,
                                      body, template_name, template_language, template_params, status,
                                      next_attempt_at, created_at)
                VALUES (?, ?, ?, 'OUTBOUND', 'AGENT', ?, ?, ?, ?, ?, ?::jsonb, 'PENDING', ?, ?)
                RETURNING id
                """, Long.class, numberId, contactId, ticketId, agentId, type, text,
                template == null ? null : template.name(), template == null ? null : template.language(),
                values == null ? null : json.writeValueAsString(values), at, at);
        jdbc.update("UPDATE contacts SET last_interaction_at = GREATEST(last_interaction_at, ?) WHERE id = ?",
                at, contactId);
        events.publishEvent(new MessageQueued(numberId, contactId, messageId, ticketId));
        return messageId;
    }
}
