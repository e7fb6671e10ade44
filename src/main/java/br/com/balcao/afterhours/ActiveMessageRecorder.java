package br.com.balcao.afterhours;

import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.TicketEvents.MessageQueued;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records that the business answered an after-hours contact with an active message, whichever page sent it:
 * an agent's template queued for a contact marks their after-hours records of the 7 days before it as
 * answered, by that agent, at that time. It runs in the sender's transaction, so the send and its record
 * commit together.
 */
@Component
class ActiveMessageRecorder {

    private final JdbcTemplate jdbc;

    ActiveMessageRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onMessageQueued(MessageQueued queued) {
        if (queued.ticketId() == null) { // automation replies belong to no ticket; agents' messages always do
            return;
        }
        jdbc.update("""
                UPDATE after_hours_contacts a
                   SET active_message_sent_at = m.created_at, active_message_sent_by_id = m.author_user_id
                  FROM messages m
                 WHERE m.id = ? AND %s AND %s
                   AND a.contact_id = m.contact_id AND a.active_message_sent_at IS NULL
                   AND a.first_contact_at <= m.created_at AND a.first_contact_at > m.created_at - ?::interval
                """.formatted(MessageType.TEMPLATE.sqlCondition("m.type"), AuthorType.AGENT.sqlCondition("m.author_type")),
                queued.messageId(), AfterHoursList.PERIOD.toDays() + " days");
    }
}
