package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
@Transactional
class TicketsPersistenceTest {

    @Autowired
    TicketRepository tickets;

    @Autowired
    TagRepository tags;

    @Autowired
    MessageRepository messages;

    @Autowired
    NoteRepository notes;

    @Autowired
    TransferRequestRepository transfers;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageLog messageLog;

    @Autowired
    AutomationReplies automationReplies;

    @Autowired
    TestClock clock;

    @Autowired
    OutboundQueue outbox;

    @Autowired
    DeliveryStatuses statuses;

    long numberId;
    long contactId;
    long agentId;
    long otherAgentId;
    Instant now;

    @BeforeEach
    void createNumberContactAndAgents() {
        now = clock.instant();
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id)
                VALUES ('Loja', '+55 11 4000-0000', ?) RETURNING id
                """, Long.class, UUID.randomUUID().toString());
        contactId = newContact("5511987654321");
        agentId = newUser();
        otherAgentId = newUser();
    }

    @Test
    void ticketPersistsWithItsTagsAndLifecycle() {
        Tag vip = tags.save(new Tag(uniqueName("VIP"), "#ffc107"));
        Tag urgent = tags.save(new Tag(uniqueName("Urgente"), "#DC3545"));
        Ticket ticket = new Ticket(numberId, contactId, 1042, now);
        ticket.assign(agentId, now.plusSeconds(60));
        ticket.recordAgentResponse(now.plusSeconds(120));
        ticket.addTag(vip);
        ticket.addTag(urgent);
        long id = tickets.saveAndFlush(ticket).getId();
        entityManager.clear();

        Ticket read = tickets.findById(id).orElseThrow();
        assertThat(read.getNumberId()).isEqualTo(numberId);
        assertThat(read.getContactId()).isEqualTo(contactId);
        assertThat(read.getTicketNumber()).isEqualTo(1042);
        assertThat(read.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(read.getCloseReason()).isNull();
        assertThat(read.getAgentId()).isEqualTo(agentId);
        assertThat(read.getParentTicketId()).isNull();
        assertThat(read.isOpenedByActiveMessage()).isFalse();
        assertThat(read.getTags()).extracting(Tag::getName, Tag::getColor).containsExactlyInAnyOrder(
                tuple(vip.getName(), "#ffc107"),
                tuple(urgent.getName(), "#DC3545"));
        assertThat(read.getCreatedAt()).isEqualTo(now);
        assertThat(read.getAssignedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(read.getFirstResponseAt()).isEqualTo(now.plusSeconds(120));
        assertThat(read.getClosedAt()).isNull();
        assertThat(read.getVersion()).isZero();

        read.removeTag(read.getTags().iterator().next().getId());
        read.close(CloseReason.TRANSFERRED, now.plusSeconds(300));
        tickets.saveAndFlush(read);
        Ticket child = tickets.saveAndFlush(new Ticket(numberId, contactId, 1043, id, true, now.plusSeconds(300)));
        entityManager.clear();

        Ticket closed = tickets.findById(id).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.TRANSFERRED);
        assertThat(closed.getClosedAt()).isEqualTo(now.plusSeconds(300));
        assertThat(closed.getTags()).hasSize(1);
        assertThat(closed.getVersion()).isEqualTo(1);
        Ticket continued = tickets.findById(child.getId()).orElseThrow();
        assertThat(continued.getParentTicketId()).isEqualTo(id);
        assertThat(continued.isOpenedByActiveMessage()).isTrue();
        assertThat(continued.getStatus()).isEqualTo(TicketStatus.WAITING);
        assertThat(jdbc.queryForObject("SELECT id FROM tickets WHERE contact_id = ? AND closed_at IS NULL", Long.class,
                contactId)).isEqualTo(child.getId());
    }

    @Test
    void contactHasAtMostOneUnclosedTicket() {
        tickets.saveAndFlush(new Ticket(numberId, contactId, 1, now));

        assertThatThrownBy(() -> tickets.saveAndFlush(new Ticket(numberId, contactId, 2, now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void closedTicketNeedsACloseReason() {
        Ticket ticket = tickets.saveAndFlush(new Ticket(numberId, contactId, 1, now));
        ticket.close(null, now.plusSeconds(60));

        assertThatThrownBy(() -> tickets.saveAndFlush(ticket)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void ticketNumberIsUniquePerNumber() {
        tickets.saveAndFlush(new Ticket(numberId, contactId, 7, now));
        long otherContactId = newContact("5511912340000");

        assertThatThrownBy(() -> tickets.saveAndFlush(new Ticket(numberId, otherContactId, 7, now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void staleTicketIsNotSaved() {
        long id = tickets.save(new Ticket(numberId, contactId, 1, now)).getId();
        Ticket first = tickets.findById(id).orElseThrow();
        Ticket second = tickets.findById(id).orElseThrow();

        first.assign(agentId, now.plusSeconds(10));
        tickets.save(first);
        second.assign(otherAgentId, now.plusSeconds(11));

        assertThatThrownBy(() -> tickets.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tickets.findById(id).orElseThrow().getAgentId()).isEqualTo(agentId);
    }

    @Test
    void messagesPersistWithAllTheirFields() {
        long ticketId = tickets.saveAndFlush(new Ticket(numberId, contactId, 1, now)).getId();
        // Customers' messages and automation replies are stored by the engine's statements; the entity reads them.
        long inboundId = messageLog.storeInbound(new IncomingMessage(numberId, contactId, "wamid.IN1", now,
                MessageType.IMAGE, null, "media-1", "image/jpeg", "nota.jpg", "Nota fiscal", null, null, null),
                ticketId).orElseThrow();
        Message agent = Message.byAgent(numberId, contactId, ticketId, agentId, MessageType.TEMPLATE,
                now.plusSeconds(5)).withTemplate("pedido_enviado", "pt_BR", List.of("Maria", "#1042"), null);
        messages.saveAndFlush(agent);
        long automationId;
        try {
            clock.set(now.plusSeconds(9));
            automationId = automationReplies.queue(numberId, contactId, "Estamos fechados; voltamos às 8h.",
                    Automation.AFTER_HOURS);
        } finally {
            clock.set(now);
        }
        long locationId = messageLog.storeInbound(new IncomingMessage(numberId, contactId, "wamid.IN2",
                now.plusSeconds(10), MessageType.LOCATION, null, null, null, null, null, -23.5505, -46.6333, null),
                ticketId).orElseThrow();
        // Delivery moves through the engine's own outbox and status paths, as in production.
        try {
            clock.set(now.plusSeconds(6));
            assertThat(outbox.claim(agent.getId())).isPresent();
            outbox.markSent(agent.getId(), "wamid.OUT1");
            statuses.record(numberId, "wamid.OUT1", DeliveryStatus.DELIVERED, now.plusSeconds(7), null, null);
            statuses.record(numberId, "wamid.OUT1", DeliveryStatus.READ, now.plusSeconds(8), null, null);
            outbox.markFailed(automationId, 131047, "Re-engagement message");
        } finally {
            clock.set(now);
        }
        entityManager.clear();

        Message in = messages.findById(inboundId).orElseThrow();
        assertThat(in.getNumberId()).isEqualTo(numberId);
        assertThat(in.getContactId()).isEqualTo(contactId);
        assertThat(in.getTicketId()).isEqualTo(ticketId);
        assertThat(in.getDirection()).isEqualTo(Direction.INBOUND);
        assertThat(in.getAuthorType()).isEqualTo(AuthorType.CUSTOMER);
        assertThat(in.getAuthorUserId()).isNull();
        assertThat(in.getType()).isEqualTo(MessageType.IMAGE);
        assertThat(in.getMediaId()).isEqualTo("media-1");
        assertThat(in.getMediaCaption()).isEqualTo("Nota fiscal");
        assertThat(in.getMediaFileName()).isEqualTo("nota.jpg");
        assertThat(in.getMediaMimeType()).isEqualTo("image/jpeg");
        assertThat(in.getWamid()).isEqualTo("wamid.IN1");
        assertThat(in.getStatus()).isNull();
        assertThat(in.getCreatedAt()).isEqualTo(now);

        Message out = messages.findById(agent.getId()).orElseThrow();
        assertThat(out.getWamid()).isEqualTo("wamid.OUT1");
        assertThat(out.getDirection()).isEqualTo(Direction.OUTBOUND);
        assertThat(out.getAuthorType()).isEqualTo(AuthorType.AGENT);
        assertThat(out.getAuthorUserId()).isEqualTo(agentId);
        assertThat(out.getTemplateName()).isEqualTo("pedido_enviado");
        assertThat(out.getTemplateLanguage()).isEqualTo("pt_BR");
        assertThat(out.getTemplateParams()).containsExactly("Maria", "#1042");
        assertThat(out.getStatus()).isEqualTo(DeliveryStatus.READ);
        assertThat(out.getSendAttempts()).isEqualTo(1);
        assertThat(out.getNextAttemptAt()).isNull();
        assertThat(out.getSentAt()).isEqualTo(now.plusSeconds(6));
        assertThat(out.getDeliveredAt()).isEqualTo(now.plusSeconds(7));
        assertThat(out.getReadAt()).isEqualTo(now.plusSeconds(8));

        Message auto = messages.findById(automationId).orElseThrow();
        assertThat(auto.getTicketId()).isNull();
        assertThat(auto.getAuthorType()).isEqualTo(AuthorType.AUTOMATION);
        assertThat(auto.getAutomation()).isEqualTo(Automation.AFTER_HOURS);
        assertThat(auto.getBody()).isEqualTo("Estamos fechados; voltamos às 8h.");
        assertThat(auto.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(auto.getErrorCode()).isEqualTo(131047);
        assertThat(auto.getErrorMessage()).isEqualTo("Re-engagement message");
        assertThat(auto.getTemplateParams()).isNull();

        Message place = messages.findById(locationId).orElseThrow();
        assertThat(place.getLatitude()).isEqualTo(-23.5505);
        assertThat(place.getLongitude()).isEqualTo(-46.6333);
        assertThat(jdbc.queryForObject("""
                SELECT content_tsv @@ plainto_tsquery('portuguese', search_fold('FECHADOS')) FROM messages WHERE id = ?
                """, Boolean.class, automationId)).as("generated search column").isTrue();
    }

    @Test
    void whatsAppMessageIdIsUniquePerNumber() {
        Message first = Message.byAgent(numberId, contactId, null, agentId, MessageType.TEXT, now).withText("Oi");
        messages.saveAndFlush(first);
        jdbc.update("UPDATE messages SET wamid = 'wamid.DUP' WHERE id = ?", first.getId());

        assertThatThrownBy(() -> jdbc.update("UPDATE messages SET wamid = 'wamid.DUP' WHERE id = ?",
                messages.saveAndFlush(Message.byAgent(numberId, contactId, null, agentId, MessageType.TEXT, now)
                        .withText("Oi")).getId()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void notesPersistOnTicketsAndContacts() {
        long ticketId = tickets.saveAndFlush(new Ticket(numberId, contactId, 1, now)).getId();
        long onTicket = notes.saveAndFlush(Note.onTicket(ticketId, contactId, agentId, "Cliente VIP", now)).getId();
        long onContact = notes.saveAndFlush(Note.onContact(contactId, otherAgentId, "Prefere e-mail",
                now.plusSeconds(1))).getId();
        entityManager.clear();

        Note ticketNote = notes.findById(onTicket).orElseThrow();
        assertThat(ticketNote.getTicketId()).isEqualTo(ticketId);
        assertThat(ticketNote.getContactId()).isEqualTo(contactId);
        assertThat(authorOf(onTicket)).isEqualTo(agentId);
        assertThat(ticketNote.getBody()).isEqualTo("Cliente VIP");
        assertThat(ticketNote.getCreatedAt()).isEqualTo(now);
        Note contactNote = notes.findById(onContact).orElseThrow();
        assertThat(contactNote.getTicketId()).isNull();
        assertThat(contactNote.getContactId()).isEqualTo(contactId);
        assertThat(authorOf(onContact)).isEqualTo(otherAgentId);
    }

    @Test
    void transferRequestPersistsAndOnlyOneIsPendingPerTicket() {
        Ticket ticket = new Ticket(numberId, contactId, 1, now);
        ticket.assign(agentId, now);
        long ticketId = tickets.saveAndFlush(ticket).getId();
        TransferRequest declined = new TransferRequest(ticketId, otherAgentId, agentId, now);
        declined.decline(now.plusSeconds(30));
        transfers.saveAndFlush(declined);
        long pendingId = transfers.saveAndFlush(
                new TransferRequest(ticketId, otherAgentId, agentId, now.plusSeconds(60))).getId();
        entityManager.clear();

        TransferRequest read = transfers.findById(declined.getId()).orElseThrow();
        assertThat(read.getTicketId()).isEqualTo(ticketId);
        assertThat(read.getRequesterId()).isEqualTo(otherAgentId);
        assertThat(read.getStatus()).isEqualTo(TransferStatus.DECLINED);
        assertThat(read.getCreatedAt()).isEqualTo(now);
        assertThat(jdbc.queryForMap("SELECT current_agent_id, decided_at FROM transfer_requests WHERE id = ?",
                declined.getId())).containsEntry("current_agent_id", agentId)
                .containsEntry("decided_at", Timestamp.from(now.plusSeconds(30)));
        TransferRequest pending = transfers.findByTicketIdAndStatus(ticketId, TransferStatus.PENDING).orElseThrow();
        assertThat(pending.getId()).isEqualTo(pendingId);
        assertThat(jdbc.queryForObject("SELECT decided_at FROM transfer_requests WHERE id = ?", Timestamp.class,
                pendingId)).isNull();

        assertThatThrownBy(() -> transfers.saveAndFlush(
                new TransferRequest(ticketId, otherAgentId, agentId, now.plusSeconds(90))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private long authorOf(long noteId) {
        return jdbc.queryForObject("SELECT author_id FROM notes WHERE id = ?", Long.class, noteId);
    }

    private long newContact(String waId) {
        return jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, phone_e164, phone_digits, created_at)
                VALUES (?, ?, ?, ?, ?) RETURNING id
                """, Long.class, numberId, waId, "+" + waId, waId, Timestamp.from(now));
    }

    private long newUser() {
        return jdbc.queryForObject("""
                INSERT INTO app_users (name, email, password_hash, role) VALUES ('Agente', ?, '{noop}x', 'AGENT')
                RETURNING id
                """, Long.class, UUID.randomUUID() + "@test.example");
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
