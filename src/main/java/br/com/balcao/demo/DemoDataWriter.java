package br.com.balcao.demo;

import br.com.balcao.demo.DemoCatalog.Absence;
import br.com.balcao.demo.DemoCatalog.DemoNumber;
import br.com.balcao.demo.DemoCatalog.Membership;
import br.com.balcao.demo.DemoCatalog.QuickReply;
import br.com.balcao.demo.DemoCatalog.QuickReplyCategory;
import br.com.balcao.demo.DemoCatalog.Template;
import br.com.balcao.demo.DemoCatalog.User;
import br.com.balcao.demo.DemoDataset.StatusChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Writes the catalog and the generated history, table by table, in foreign-key order. */
final class DemoDataWriter {

    private static final List<String> EXPLICIT_IDS = List.of(
            "business_numbers", "app_users", "tags", "quick_reply_categories", "contacts", "tickets", "messages");

    private final BulkInsert insert;

    DemoDataWriter(BulkInsert insert) {
        this.insert = insert;
    }

    void write(DemoDataset data, String passwordHash) {
        Instant setUp = data.now.minus(Duration.ofDays(120));
        numbers(data, setUp);
        users(data, passwordHash, setUp);
        catalog(data, setUp);
        contacts(data);
        tickets(data);
        messages(data);
        notesAndAfterHours(data);
        EXPLICIT_IDS.forEach(insert::resetIdentity);
        insert.resetTicketNumbers();
    }

    private void numbers(DemoDataset data, Instant setUp) {
        List<Object[]> numbers = new ArrayList<>();
        List<Object[]> hours = new ArrayList<>();
        for (DemoNumber number : DemoCatalog.NUMBERS) {
            numbers.add(new Object[] {number.id(), number.name(), number.displayPhone(), number.phoneNumberId(),
                    ServiceHours.ZONE.getId(), number.hours().isAlwaysOpen(), number.afterHoursMessage(),
                    number.notifyNextOpening(), "sair", setUp});
            for (ServiceHours.Window window : number.hours().windows()) {
                hours.add(new Object[] {number.id(), (short) window.day().getValue(), window.opens(), window.closes()});
            }
        }
        insert.insert("business_numbers", "id, name, display_phone, phone_number_id, time_zone, always_open, "
                + "after_hours_message, notify_next_opening, exit_keyword, created_at", numbers);
        insert.insert("service_hours", "number_id, day_of_week, opens_at, closes_at", hours);
    }

    private void users(DemoDataset data, String passwordHash, Instant setUp) {
        List<Object[]> users = new ArrayList<>();
        for (User user : DemoCatalog.USERS) {
            Instant statusChangedAt = data.statusChanges.stream().filter(change -> change.userId() == user.id())
                    .map(StatusChange::changedAt).max(Instant::compareTo).orElse(data.now.minus(Duration.ofDays(1)));
            Instant lastAssignedAt = data.tickets.stream()
                    .filter(ticket -> Objects.equals(ticket.agentId, user.id()) && ticket.assignedAt != null)
                    .map(ticket -> ticket.assignedAt).max(Instant::compareTo).orElse(null);
            users.add(new Object[] {user.id(), user.name(), user.email(), passwordHash, user.role(), user.status(),
                    statusChangedAt, 5, lastAssignedAt, true, setUp});
        }
        insert.insert("app_users", "id, name, email, password_hash, role, status, status_changed_at, ticket_slots, "
                + "last_assigned_at, enabled, created_at", users);
        List<Object[]> memberships = new ArrayList<>();
        for (Membership membership : DemoCatalog.MEMBERSHIPS) {
            memberships.add(new Object[] {membership.userId(), membership.numberId(), true,
                    membership.activeMessage(), true});
        }
        insert.insert("memberships", "user_id, number_id, can_reply, can_active_message, can_contacts", memberships);
        insert.insert("agent_status_changes", "user_id, status, changed_at", data.statusChanges.stream()
                .map(change -> new Object[] {change.userId(), change.status(), change.changedAt()}).toList());
    }

    private void catalog(DemoDataset data, Instant setUp) {
        insert.insert("tags", "id, name, color", DemoCatalog.TAGS.stream()
                .map(tag -> new Object[] {tag.id(), tag.name(), tag.color()}).toList());
        List<Object[]> categories = new ArrayList<>();
        List<Object[]> replies = new ArrayList<>();
        long categoryId = 0;
        for (QuickReplyCategory category : DemoCatalog.QUICK_REPLIES) {
            categories.add(new Object[] {++categoryId, category.name(), setUp});
            for (QuickReply reply : category.replies()) {
                replies.add(new Object[] {categoryId, reply.title(), reply.body(), setUp, setUp});
            }
        }
        insert.insert("quick_reply_categories", "id, name, created_at", categories);
        insert.insert("quick_replies", "category_id, title, body, created_at, updated_at", replies);
        List<Object[]> templates = new ArrayList<>();
        for (DemoNumber number : DemoCatalog.NUMBERS) {
            for (Template template : DemoCatalog.templates(number)) {
                templates.add(new Object[] {number.id(), template.name(), "pt_BR", template.category(),
                        template.body(), template.status(), setUp});
            }
        }
        insert.insert("message_templates", "number_id, name, language, category, body, status, created_at", templates);
        Instant lastAbsence = data.now.minus(Duration.ofDays(45));
        List<Object[]> absences = new ArrayList<>();
        for (Absence absence : DemoCatalog.ABSENCES) {
            boolean used = absence.numberId() == DemoCatalog.LOJA_ONLINE.id();
            absences.add(new Object[] {absence.numberId(), false, absence.message(), absence.suggestedUserId(),
                    absence.suggestedName(), absence.suggestedPhone(), used ? lastAbsence : null,
                    used ? DemoCatalog.MANAGER : null});
        }
        insert.insert("absences", "number_id, active, message, suggested_user_id, suggested_name, suggested_phone, "
                + "started_at, started_by_id", absences);
    }

    private void contacts(DemoDataset data) {
        insert.insert("contacts", "id, number_id, wa_id, name, phone_e164, phone_digits, email, city, document, "
                + "extra_fields::jsonb, created_at, last_interaction_at, last_inbound_at", data.contacts.stream()
                .map(contact -> new Object[] {contact.id, contact.numberId, contact.digits, contact.name,
                        contact.phone(), contact.digits, contact.email, contact.city, contact.document,
                        contact.extraFields, contact.createdAt, contact.lastInteractionAt, contact.lastInboundAt})
                .toList());
    }

    private void tickets(DemoDataset data) {
        insert.insert("tickets", "id, number_id, contact_id, ticket_number, status, close_reason, agent_id, "
                + "parent_ticket_id, opened_by_active_message, created_at, assigned_at, first_response_at, closed_at, "
                + "last_customer_message_at", data.tickets.stream()
                .map(ticket -> new Object[] {ticket.id, ticket.number.id(), ticket.contact.id, ticket.ticketNumber,
                        ticket.status, ticket.closeReason, ticket.agentId,
                        ticket.parent == null ? null : ticket.parent.id, ticket.openedByActiveMessage,
                        ticket.createdAt, ticket.assignedAt, ticket.firstResponseAt, ticket.closedAt,
                        ticket.lastCustomerMessageAt})
                .toList());
        List<Object[]> tags = new ArrayList<>();
        for (DemoTicket ticket : data.tickets) {
            for (Long tag : ticket.tagIds) {
                tags.add(new Object[] {ticket.id, tag});
            }
        }
        insert.insert("ticket_tags", "ticket_id, tag_id", tags);
    }

    private void messages(DemoDataset data) {
        insert.insert("messages", "id, number_id, contact_id, ticket_id, direction, author_type, author_user_id, "
                + "automation, type, body, media_id, media_caption, media_file_name, media_mime_type, latitude, "
                + "longitude, template_name, template_language, template_params::jsonb, wamid, status, error_code, "
                + "error_message, send_attempts, created_at, sent_at, delivered_at, read_at", data.messages.stream()
                .map(message -> new Object[] {message.id, message.numberId, message.contact.id,
                        message.ticket == null ? null : message.ticket.id, message.direction(), message.authorType,
                        message.authorUserId, message.automation, message.type, message.body, message.mediaId(),
                        message.mediaCaption, message.mediaFileName, message.mediaMimeType, message.latitude,
                        message.longitude, message.templateName, message.templateLanguage, message.templateParams,
                        message.wamid(), message.status, message.errorCode, message.errorMessage,
                        message.sendAttempts(), message.createdAt, message.sentAt, message.deliveredAt,
                        message.readAt})
                .toList());
    }

    private void notesAndAfterHours(DemoDataset data) {
        insert.insert("notes", "ticket_id, contact_id, author_id, body, created_at", data.notes.stream()
                .map(note -> new Object[] {note.ticket() == null ? null : note.ticket().id,
                        note.contact() == null ? null : note.contact().id, note.authorId(), note.body(),
                        note.createdAt()})
                .toList());
        insert.insert("after_hours_contacts", "number_id, contact_id, contact_name, phone, first_contact_at, "
                + "next_opening_at, return_requested, active_message_sent_at, active_message_sent_by_id",
                data.afterHours.stream()
                        .sorted(Comparator.comparing(DemoDataset.AfterHoursContact::firstContactAt))
                        .map(row -> new Object[] {row.number().id(), row.contact().id, row.contact().name,
                                row.contact().phone(), row.firstContactAt(), row.nextOpeningAt(),
                                row.returnRequested(), row.activeMessageSentAt(), row.activeMessageSentBy()})
                        .toList());
    }
}
