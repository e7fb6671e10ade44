package br.com.balcao.channel;

import br.com.balcao.absence.AbsenceAutomation;
import br.com.balcao.afterhours.AfterHoursAutomation;
import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactRef;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberRules;
import br.com.balcao.tickets.Conversations;
import br.com.balcao.tickets.IncomingMessage;
import br.com.balcao.tickets.TicketEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to each customer message, in one transaction: the contact is upserted, the message
 * stored once (a repeated delivery stops here), then the automation in the specification's order:
 * after hours (reply, record, no ticket), absence (reply, ticket still created), and the ticket.
 */
@Service
public class InboundPipeline {

    private final NumberDirectory numbers;
    private final ContactDirectory contacts;
    private final Conversations conversations;
    private final AfterHoursAutomation afterHours;
    private final AbsenceAutomation absence;
    private final TicketEngine tickets;

    InboundPipeline(NumberDirectory numbers, ContactDirectory contacts, Conversations conversations,
                    AfterHoursAutomation afterHours, AbsenceAutomation absence, TicketEngine tickets) {
        this.numbers = numbers;
        this.contacts = contacts;
        this.conversations = conversations;
        this.afterHours = afterHours;
        this.absence = absence;
        this.tickets = tickets;
    }

    @Transactional
    public void receive(long numberId, InboundMessage message) {
        ContactRef contact = contacts.upsertFromWhatsApp(numberId, message.fromWaId(), message.profileName(),
                message.sentAt());
        var stored = conversations.storeInbound(new IncomingMessage(numberId, contact.id(), message.wamid(),
                message.sentAt(), message.type(), message.text(), message.mediaId(), message.mediaMimeType(),
                message.mediaFileName(), message.mediaCaption(), message.latitude(), message.longitude()));
        if (stored.isEmpty()) {
            return;
        }
        long messageId = stored.get();
        if (afterHours.handle(numberId, contact.id(), contact.name(), contact.phoneE164(), message.text(),
                message.sentAt()).isAfterHours()) {
            tickets.unrouted(numberId, contact.id(), messageId);
            return;
        }
        absence.handle(numberId, contact.id(), message.sentAt());
        NumberRules rules = numbers.rules(numberId);
        tickets.route(numberId, contact.id(), messageId, message.text(), rules.exitKeyword(), message.sentAt());
    }
}
