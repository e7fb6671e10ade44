package br.com.balcao.afterhours;

import br.com.balcao.contacts.MergedContacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merged contact's after-hours records go to the contact that stays. Both may have a record of the same
 * after-hours episode (one per contact and episode): the survivor's is kept, with the duplicate's answer to "notify
 * me" when it has none.
 */
@Component
class AfterHoursOfMergedContacts implements MergedContacts {

    private final JdbcTemplate jdbc;

    AfterHoursOfMergedContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void move(long duplicateId, long survivorId) {
        jdbc.update("""
                UPDATE after_hours_contacts s SET return_requested = d.return_requested
                  FROM after_hours_contacts d
                 WHERE s.contact_id = ? AND d.contact_id = ? AND d.next_opening_at = s.next_opening_at
                   AND s.return_requested = 'UNKNOWN'
                """, survivorId, duplicateId);
        jdbc.update("""
                DELETE FROM after_hours_contacts d
                 WHERE d.contact_id = ?
                   AND EXISTS (SELECT 1 FROM after_hours_contacts s
                                WHERE s.contact_id = ? AND s.next_opening_at = d.next_opening_at)
                """, duplicateId, survivorId);
        jdbc.update("UPDATE after_hours_contacts SET contact_id = ? WHERE contact_id = ?", survivorId, duplicateId);
    }
}
