package br.com.balcao.contacts;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges the contacts that are one customer split by the Brazilian 9th digit: per number, the contacts whose
 * WhatsApp ids have the same key ({@code wa_key}, see {@code shared.Phones.whatsAppKey}). The oldest contact
 * stays; each other one hands it everything the modules hold of it ({@link MergedContacts}), fills the details it
 * lacks (a name a user gave, e-mail, city, document, extra fields), and is deleted. The survivor keeps the WhatsApp
 * id the customer last wrote from, the one replies go to. Runs once at every start, on one instance: a start with
 * nothing to merge costs one indexed scan, and a merge interrupted halfway is finished by the next start (each
 * pair is one transaction).
 */
@Component
class ContactMerge {

    private static final Logger log = LoggerFactory.getLogger(ContactMerge.class);

    private final JdbcTemplate jdbc;
    private final List<MergedContacts> holders;
    private final TransactionTemplate transaction;

    ContactMerge(JdbcTemplate jdbc, List<MergedContacts> holders, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    @SchedulerLock(name = "contact-merge", lockAtMostFor = "PT30M")
    public void mergeAll() {
        int merged = 0;
        for (List<Long> contacts : duplicates()) {
            long survivor = contacts.get(0);
            for (long duplicate : contacts.subList(1, contacts.size())) {
                transaction.executeWithoutResult(status -> merge(duplicate, survivor));
                merged++;
            }
        }
        if (merged > 0) {
            log.info("Merged {} contacts split by the Brazilian 9th digit into the customers' older contacts", merged);
        }
    }

    /** Groups of contacts of one number with one key, oldest first. */
    private List<List<Long>> duplicates() {
        return jdbc.query("""
                SELECT array_agg(id ORDER BY created_at, id) AS ids FROM contacts
                 GROUP BY number_id, wa_key
                HAVING count(*) > 1
                """, (row, i) -> ids(row.getArray("ids")));
    }

    private static List<Long> ids(Array array) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    private void merge(long duplicate, long survivor) {
        List<Long> locked = jdbc.queryForList("SELECT id FROM contacts WHERE id IN (?, ?) ORDER BY id FOR UPDATE",
                Long.class, duplicate, survivor);
        if (locked.size() < 2) {
            return;
        }
        holders.forEach(holder -> holder.move(duplicate, survivor));
        String lastWroteFrom = jdbc.queryForObject("""
                SELECT wa_id FROM contacts WHERE id IN (?, ?)
                 ORDER BY last_inbound_at DESC NULLS LAST, id = ? DESC LIMIT 1
                """, String.class, duplicate, survivor, survivor);
        jdbc.update("""
                UPDATE contacts s SET
                    name = CASE WHEN d.name_edited AND NOT s.name_edited THEN d.name ELSE COALESCE(s.name, d.name) END,
                    name_edited = s.name_edited OR d.name_edited,
                    email = COALESCE(s.email, d.email), city = COALESCE(s.city, d.city),
                    document = COALESCE(s.document, d.document),
                    extra_fields = d.extra_fields || s.extra_fields,
                    last_interaction_at = GREATEST(s.last_interaction_at, d.last_interaction_at),
                    last_inbound_at = GREATEST(s.last_inbound_at, d.last_inbound_at)
                  FROM contacts d
                 WHERE s.id = ? AND d.id = ?
                """, survivor, duplicate);
        jdbc.update("DELETE FROM contacts WHERE id = ?", duplicate);
        jdbc.update("UPDATE contacts SET wa_id = ? WHERE id = ?", lastWroteFrom, survivor);
    }
}
