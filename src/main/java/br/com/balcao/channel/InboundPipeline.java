package br.com.balcao.channel;

import br.com.balcao.absence.AbsenceAutomation;
import br.com.balcao.afterhours.AfterHoursAutomation;
import br.com.balcao.contacts.ContactDirectory;
import br.com.balcao.contacts.ContactRef;
import br.com.balcao.numbers.NumberSnapshot;
import br.com.balcao.numbers.NumberSnapshots;
import br.com.balcao.tickets.MessageLog;
import br.com.balcao.tickets.DuplicateMessageException;
import br.com.balcao.tickets.IncomingMessage;
import br.com.balcao.tickets.SatisfactionSurvey;
import br.com.balcao.tickets.TicketEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to each customer message, in one transaction: the contact is upserted, a repeated delivery
 * stops there, then the automation in the specification's order: after hours (reply, record, no ticket),
 * absence (reply, ticket still created), and the ticket, with which the message is stored. A delivery of
 * the same message racing this one rolls the whole transaction back (the engine sees the duplicate).
 */
@Service
public class InboundPipeline {

    private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

    private final NumberSnapshots numbers;
    private final ContactDirectory contacts;
    private final MessageLog messageLog;
    private final AfterHoursAutomation afterHours;
    private final AbsenceAutomation absence;
    private final TicketEngine tickets;
    private final SatisfactionSurvey survey;
    private final TransactionTemplate transaction;

    InboundPipeline(NumberSnapshots numbers, ContactDirectory contacts, MessageLog messageLog,
                    AfterHoursAutomation afterHours, AbsenceAutomation absence, TicketEngine tickets,
                    SatisfactionSurvey survey, PlatformTransactionManager transactionManager) {
        this.numbers = numbers;
        this.contacts = contacts;
        this.messageLog = messageLog;
        this.afterHours = afterHours;
        this.absence = absence;
        this.tickets = tickets;
        this.survey = survey;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public void receive(long numberId, InboundMessage message) {
        receive(numbers.byId(numberId), message);
    }

    public void receive(NumberSnapshot number, InboundMessage message) {
        try {
            transaction.executeWithoutResult(status -> receiveOnce(number, message, false));
        } catch (DuplicateMessageException sameMessageStoredByAnotherDelivery) {
            log.debug("Message {} was stored by a concurrent delivery", message.wamid());
        }
    }

    /** A customer message and the number it came to. */
    record Arrival(NumberSnapshot number, InboundMessage message) {

        /** Who wrote: the same WhatsApp id on two numbers is two contacts. */
        Sender sender() {
            return new Sender(number.id(), message.fromWaId());
        }
    }

    record Sender(long numberId, String waId) {
    }

    /**
     * The messages one after the other, as {@link #receive} would take them, in one transaction: all are stored
     * or none (any failure, a concurrent delivery of one of them included, rolls back the lot).
     */
    void receiveTogether(List<Arrival> arrivals) {
        Set<Sender> senders = new HashSet<>();
        transaction.executeWithoutResult(status -> arrivals.forEach(arrival -> receiveOnce(arrival.number(),
                arrival.message(), !senders.add(arrival.sender()))));
    }

    /**
     * @param senderSeen whether this transaction took a message of the same sender already: a contact it
     *                   created is not new to the next message (it may have a ticket, even this message)
     */
    private void receiveOnce(NumberSnapshot number, InboundMessage message, boolean senderSeen) {
        long numberId = number.id();
        ContactRef contact = contacts.upsertFromWhatsApp(numberId, message.fromWaId(), message.profileName(),
                message.sentAt());
        boolean newContact = contact.isNew() && !senderSeen;
        if (!newContact && messageLog.isStored(numberId, message.wamid())) {
            return;
        }
        IncomingMessage incoming = new IncomingMessage(numberId, contact.id(), message.wamid(), message.sentAt(),
                message.type(), message.text(), message.mediaId(), message.mediaMimeType(), message.mediaFileName(),
                message.mediaCaption(), message.latitude(), message.longitude(), message.implausibleTimestamp(),
                message.contextWamid(), message.payload(), message.voice());
        if (survey.receive(incoming)) {
            return; // a survey answer or comment: kept with the closed ticket surveyed, no automation, no new ticket
        }
        if (afterHours.handle(number, contact.id(), contact.name(), contact.phoneE164(), message.text(),
                message.sentAt()).isAfterHours()) {
            tickets.receiveUnrouted(incoming);
            return;
        }
        absence.handle(number, contact.id(), message.sentAt());
        tickets.receive(incoming, number.rules().exitKeyword(), newContact);
    }
}
