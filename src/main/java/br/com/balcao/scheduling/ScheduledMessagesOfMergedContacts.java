package br.com.balcao.scheduling;

import br.com.balcao.contacts.MergedContacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A merged contact's scheduled messages go to the contact that stays. */
@Component
record ScheduledMessagesOfMergedContacts(JdbcTemplate jdbc) implements MergedContacts {

    @Override
    public void move(long duplicateId, long survivorId) {
        jdbc.update("UPDATE scheduled_messages SET contact_id = ? WHERE contact_id = ?", survivorId, duplicateId);
    }
}
