package br.com.balcao.contacts;

import static br.com.balcao.shared.Timestamps.instant;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import br.com.balcao.shared.Phones;
import br.com.balcao.shared.Phones.Phone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The contacts module's facade: what other modules may read of a contact, and the contact's changes. */
@Service
@Transactional(readOnly = true)
public class ContactDirectory {

    private static final TypeReference<LinkedHashMap<String, String>> EXTRA_FIELDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ContactRepository contacts;
    private final JsonMapper json = JsonMapper.builder().build();

    ContactDirectory(JdbcTemplate jdbc, ContactRepository contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    private static final String VIEW = """
            SELECT id, number_id, name, phone_e164, email, city, document, extra_fields::text AS extra,
                   created_at, last_interaction_at, last_inbound_at
              FROM contacts
            """;

    /** Read by every timeline and contact page: one plain statement, outside any transaction of its own. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ContactView> find(long contactId) {
        return jdbc.query(VIEW + " WHERE id = ?", this::view, contactId).stream().findFirst();
    }

    public Optional<ContactView> findByWaId(long numberId, String waId) {
        return jdbc.query(VIEW + " WHERE number_id = ? AND wa_id = ?", this::view, numberId, waId).stream()
                .findFirst();
    }

    /**
     * The contact who wrote from this WhatsApp id, created on first contact. The contact is found by the id's key
     * ({@link Phones#whatsAppKey}): a customer WhatsApp names without the Brazilian 9th digit is the contact
     * imported with it, and the other way round; the contact then takes WhatsApp's id, the one replies go to.
     * The WhatsApp profile name fills the name unless a user edited it. Safe under concurrent deliveries of the
     * same contact.
     */
    @Transactional
    public ContactRef upsertFromWhatsApp(long numberId, String waId, String profileName, Instant at) {
        Phone phone = Phones.fromWaId(waId).orElseThrow(() -> new IllegalArgumentException("not a WhatsApp id"));
        String name = profileName == null || profileName.isBlank() ? null : truncate(profileName.strip(), 120);
        Timestamp when = Timestamp.from(at);
        return jdbc.queryForObject("""
                WITH found AS (
                    SELECT id FROM contacts
                     WHERE number_id = ? AND wa_key = ?
                     ORDER BY wa_id = ? DESC, id
                     LIMIT 1
                ), updated AS (
                    UPDATE contacts c SET
                        wa_id = ?,
                        name = CASE WHEN c.name_edited THEN c.name ELSE COALESCE(?, c.name) END,
                        last_interaction_at = GREATEST(c.last_interaction_at, ?),
                        last_inbound_at = GREATEST(c.last_inbound_at, ?)
                      FROM found
                     WHERE c.id = found.id
                    RETURNING c.id, c.name, c.phone_e164, false AS inserted
                ), inserted AS (
                    INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at,
                                          last_interaction_at, last_inbound_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM found)
                    ON CONFLICT (number_id, wa_id) DO UPDATE SET
                        name = CASE WHEN contacts.name_edited THEN contacts.name
                                    ELSE COALESCE(EXCLUDED.name, contacts.name) END,
                        last_interaction_at = GREATEST(contacts.last_interaction_at, EXCLUDED.last_interaction_at),
                        last_inbound_at = GREATEST(contacts.last_inbound_at, EXCLUDED.last_inbound_at)
                    RETURNING id, name, phone_e164, xmax = 0 AS inserted
                )
                SELECT * FROM updated UNION ALL SELECT * FROM inserted
                """, (row, i) -> new ContactRef(row.getLong("id"), row.getString("name"), row.getString("phone_e164"),
                        row.getBoolean("inserted")),
                numberId, Phones.whatsAppKey(waId), waId, waId, name, when, when,
                numberId, waId, name, phone.e164(), phone.digits(), when, when, when);
    }

    /**
     * Saves a user's edit, checked by its rules: the details (the document, CPF or CNPJ, stored as digits), and
     * the phone and the extra fields (replaced as a whole) when the edit has them. A new name is kept from then
     * on: WhatsApp's profile name no longer replaces it; clearing the name hands it back to WhatsApp. The WhatsApp
     * id stays: it is how WhatsApp names the conversation. The caller checks the CONTACTS permission.
     *
     * @throws InvalidInputException about the phone when another contact of the number has it already; nothing is
     *         saved
     */
    @Transactional
    public ContactView edit(long contactId, ContactEdit edit) {
        ContactEdit value = edit.normalized();
        Contact contact = contacts.lock(contactId).orElseThrow(() -> new NotFoundException("contact " + contactId));
        if (value.phone() != null) {
            Phone phone = Phones.parse(value.phone()).orElseThrow(() -> new IllegalArgumentException("invalid phone"));
            if (contacts.existsByNumberIdAndPhoneDigitsAndIdNot(contact.getNumberId(), phone.digits(), contactId)) {
                throw new InvalidInputException("contacts.error.phoneTaken").about("phone");
            }
            contact.changePhone(phone);
        }
        contact.edit(value);
        return contact.view();
    }

    /** A message to or from the contact was stored at {@code at}; the latest one counts. */
    @Transactional
    public void recordInteraction(long contactId, Instant at) {
        jdbc.update("UPDATE contacts SET last_interaction_at = GREATEST(last_interaction_at, ?) WHERE id = ?",
                Timestamp.from(at), contactId);
    }

    /**
     * Locks the contact's row until the caller's transaction ends, so that work done for a contact's messages
     * arriving together takes turns.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long contactId) {
        jdbc.queryForObject("SELECT id FROM contacts WHERE id = ? FOR UPDATE", Long.class, contactId);
    }

    private static String truncate(String value, int length) {
        return value.codePointCount(0, value.length()) <= length ? value
                : value.substring(0, value.offsetByCodePoints(0, length));
    }

    private ContactView view(ResultSet row, int index) throws SQLException {
        return new ContactView(row.getLong("id"), row.getLong("number_id"), row.getString("name"),
                row.getString("phone_e164"), row.getString("email"), row.getString("city"), row.getString("document"),
                json.readValue(row.getString("extra"), EXTRA_FIELDS), instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("last_interaction_at")), instant(row.getTimestamp("last_inbound_at")));
    }
}
