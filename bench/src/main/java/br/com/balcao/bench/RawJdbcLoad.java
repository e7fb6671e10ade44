package br.com.balcao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: what the database does for the same rows with nothing in front of it. Each client has its
 * own connection with auto-commit off and, per message, one transaction that upserts the contact and
 * inserts the message with the app's own statements (ContactDirectory.upsertFromWhatsApp and
 * Conversations.storeInbound), on a scratch number of its own. No ticket, no automation, no events.
 */
final class RawJdbcLoad {

    static final String CONTACT_UPSERT = """
            INSERT INTO contacts (number_id, wa_id, name, phone_e164, phone_digits, created_at,
                                  last_interaction_at, last_inbound_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (number_id, wa_id) DO UPDATE SET
                name = CASE WHEN contacts.name_edited THEN contacts.name
                            ELSE COALESCE(EXCLUDED.name, contacts.name) END,
                last_interaction_at = GREATEST(contacts.last_interaction_at, EXCLUDED.last_interaction_at),
                last_inbound_at = GREATEST(contacts.last_inbound_at, EXCLUDED.last_inbound_at)
            RETURNING id, name, phone_e164
            """;

    static final String MESSAGE_INSERT = """
            INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, media_id,
                                  media_mime_type, media_file_name, media_caption, latitude, longitude,
                                  wamid, created_at)
            VALUES (?, ?, 'INBOUND', 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id
            """;

    private final String jdbcUrl;
    private final long numberId;
    private final String wamidPrefix;
    private final Customers customers;
    private final AtomicLong sequence = new AtomicLong();

    RawJdbcLoad(String jdbcUrl, long numberId, String run, Customers customers) {
        this.jdbcUrl = jdbcUrl;
        this.numberId = numberId;
        this.wamidPrefix = wamidPrefix(run);
        this.customers = customers;
    }

    static String wamidPrefix(String run) {
        return "wamid.rawjdbc." + run + ".";
    }

    /** A scratch number, open 24 hours, that only the baseline writes to. */
    static long createScratchNumber(Connection connection, String run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id, always_open)
                VALUES (?, '+55 21 0000-0000', ?, true) RETURNING id
                """)) {
            insert.setString(1, "Bench raw JDBC " + run);
            insert.setString(2, "bench-raw-" + run);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Phase.Client client() {
        Connection connection;
        PreparedStatement upsert;
        PreparedStatement insert;
        try {
            connection = DriverManager.getConnection(jdbcUrl);
            connection.setAutoCommit(false);
            upsert = connection.prepareStatement(CONTACT_UPSERT);
            insert = connection.prepareStatement(MESSAGE_INSERT);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect for the JDBC baseline", e);
        }
        return new Phase.Client() {
            @Override
            public Phase.Sent once(boolean measured) throws SQLException {
                long n = sequence.getAndIncrement();
                int customer = customers.next();
                String waId = customers.waId(customer);
                Timestamp now = new Timestamp(System.currentTimeMillis() / 1000 * 1000);
                try {
                    upsert.setLong(1, numberId);
                    upsert.setString(2, waId);
                    upsert.setString(3, Customers.profileName(customer));
                    upsert.setString(4, "+" + waId);
                    upsert.setString(5, waId);
                    upsert.setTimestamp(6, now);
                    upsert.setTimestamp(7, now);
                    upsert.setTimestamp(8, now);
                    long contactId;
                    try (ResultSet row = upsert.executeQuery()) {
                        row.next();
                        contactId = row.getLong("id");
                    }
                    insert.setLong(1, numberId);
                    insert.setLong(2, contactId);
                    insert.setString(3, "TEXT");
                    insert.setString(4, "Olá, preciso de ajuda com o pedido " + n);
                    for (int i = 5; i <= 8; i++) {
                        insert.setNull(i, Types.VARCHAR);
                    }
                    insert.setNull(9, Types.DOUBLE);
                    insert.setNull(10, Types.DOUBLE);
                    insert.setString(11, wamidPrefix + (measured ? "m" : "w") + n);
                    insert.setTimestamp(12, now);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                    }
                    connection.commit();
                    return new Phase.Sent(false, null);
                } catch (SQLException e) {
                    connection.rollback();
                    return new Phase.Sent(false, e.getMessage());
                }
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }
}
