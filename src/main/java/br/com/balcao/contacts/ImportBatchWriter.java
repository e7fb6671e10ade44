package br.com.balcao.contacts;

import br.com.balcao.contacts.ImportLine.ImportedContact;
import br.com.balcao.shared.Phones;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one batch of valid import lines (phones unique within the batch) in three statements, whatever its
 * size: find the number's contacts with those phones, update them, insert the others. An update changes only
 * what the file says (blank cells keep the stored value; extra fields are merged), and leaves a contact that
 * already says the same untouched, so that importing a file again changes nothing.
 */
@Component
class ImportBatchWriter {

    record Counts(int created, int updated, int unchanged) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Call inside a transaction. */
    Counts write(long numberId, List<ImportedContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return new Counts(0, 0, 0);
        }
        Map<String, Long> existing = existingByPhone(numberId, contacts);
        List<ImportedContact> matched = new ArrayList<>();
        List<Long> matchedIds = new ArrayList<>();
        List<ImportedContact> fresh = new ArrayList<>();
        for (ImportedContact contact : contacts) {
            Long id = existing.get(contact.phone().digits());
            if (id == null) {
                fresh.add(contact);
            } else {
                matched.add(contact);
                matchedIds.add(id);
            }
        }
        int updated = update(matched, matchedIds);
        int[] inserted = insert(numberId, fresh, now);
        return new Counts(inserted[0], updated + inserted[1], matched.size() - updated);
    }

    /**
     * The number's contacts with those phones, by the phone's digits: a contact whose phone is the same, or whose
     * WhatsApp id is the same customer's with or without the Brazilian 9th digit ({@link Phones#whatsAppKey}).
     * The oldest contact wins when several match.
     */
    private Map<String, Long> existingByPhone(long numberId, List<ImportedContact> contacts) {
        String[] phones = contacts.stream().map(contact -> contact.phone().digits()).toArray(String[]::new);
        String[] keys = Arrays.stream(phones).map(Phones::whatsAppKey).toArray(String[]::new);
        Map<String, Long> byPhone = new HashMap<>();
        Map<String, Long> byKey = new HashMap<>();
        jdbc.query("""
                SELECT id, phone_digits, wa_key FROM contacts
                 WHERE number_id = ? AND (phone_digits = ANY (?::varchar[]) OR wa_key = ANY (?::varchar[]))
                 ORDER BY id
                """, row -> {
            byPhone.putIfAbsent(row.getString("phone_digits"), row.getLong("id"));
            byKey.putIfAbsent(row.getString("wa_key"), row.getLong("id"));
        }, numberId, phones, keys);
        Map<String, Long> existing = new HashMap<>();
        for (int i = 0; i < phones.length; i++) {
            Long id = byPhone.getOrDefault(phones[i], byKey.get(keys[i]));
            if (id != null) {
                existing.put(phones[i], id);
            }
        }
        return existing;
    }

    private int update(List<ImportedContact> contacts, List<Long> ids) {
        if (contacts.isEmpty()) {
            return 0;
        }
        return jdbc.queryForList("""
                UPDATE contacts c SET
                    name_edited = c.name_edited OR (v.name IS NOT NULL AND v.name IS DISTINCT FROM c.name),
                    name = COALESCE(v.name, c.name), email = COALESCE(v.email, c.email),
                    city = COALESCE(v.city, c.city), document = COALESCE(v.document, c.document),
                    extra_fields = c.extra_fields || v.extra
                  FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::jsonb[])
                       AS v(id, name, email, city, document, extra)
                 WHERE c.id = v.id
                   AND ((v.name IS NOT NULL AND v.name IS DISTINCT FROM c.name)
                     OR (v.email IS NOT NULL AND v.email IS DISTINCT FROM c.email)
                     OR (v.city IS NOT NULL AND v.city IS DISTINCT FROM c.city)
                     OR (v.document IS NOT NULL AND v.document IS DISTINCT FROM c.document)
                     OR NOT c.extra_fields @> v.extra)
                RETURNING c.id
                """, Long.class, ids.toArray(Long[]::new), column(contacts, contact -> contact.details().name()),
                column(contacts, contact -> contact.details().email()), column(contacts, contact -> contact.details().city()),
                column(contacts, contact -> contact.details().document()), extras(contacts)).size();
    }

    /** Inserts new contacts (their WhatsApp id is the phone); returns {created, updated by a concurrent writer}. */
    private int[] insert(long numberId, List<ImportedContact> contacts, Instant now) {
        if (contacts.isEmpty()) {
            return new int[] {0, 0};
        }
        List<Boolean> inserted = jdbc.queryForList("""
                INSERT INTO contacts (number_id, wa_id, name, name_edited, phone_e164, phone_digits, email, city,
                                      document, extra_fields, created_at)
                SELECT ?, v.digits, v.name, v.name IS NOT NULL, v.e164, v.digits, v.email, v.city, v.document, v.extra, ?
                  FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                              ?::jsonb[]) AS v(digits, e164, name, email, city, document, extra)
                ON CONFLICT (number_id, wa_id) DO UPDATE SET
                    name_edited = contacts.name_edited OR EXCLUDED.name IS NOT NULL,
                    name = COALESCE(EXCLUDED.name, contacts.name), email = COALESCE(EXCLUDED.email, contacts.email),
                    city = COALESCE(EXCLUDED.city, contacts.city),
                    document = COALESCE(EXCLUDED.document, contacts.document),
                    extra_fields = contacts.extra_fields || EXCLUDED.extra_fields
                RETURNING (xmax = 0)
                """, Boolean.class, numberId, Timestamp.from(now),
                column(contacts, contact -> contact.phone().digits()), column(contacts, contact -> contact.phone().e164()),
                column(contacts, contact -> contact.details().name()), column(contacts, contact -> contact.details().email()),
                column(contacts, contact -> contact.details().city()), column(contacts, contact -> contact.details().document()), extras(contacts));
        int created = (int) inserted.stream().filter(Boolean.TRUE::equals).count();
        return new int[] {created, inserted.size() - created};
    }

    private static String[] column(List<ImportedContact> contacts,
                                   java.util.function.Function<ImportedContact, String> value) {
        return contacts.stream().map(value).toArray(String[]::new);
    }

    private String[] extras(List<ImportedContact> contacts) {
        return contacts.stream().map(contact -> json.writeValueAsString(contact.extras())).toArray(String[]::new);
    }
}
