package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V21 on a database that already holds messages of several months (migrated to V20 first, as a running
 * installation is), then the partitioned table at work: idempotency across months, the partition job and the
 * retention with a fixed clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagePartitionsTest {

    private static final Instant MIGRATED = Instant.parse("2026-03-10T12:00:00Z");

    private static HikariDataSource database;
    private static JdbcTemplate jdbc;
    private static long numberId;
    private static long contactId;

    @BeforeAll
    static void migrateAMessageHistoryOfSeveralMonths() {
        database = TestPostgres.newDatabase();
        jdbc = new JdbcTemplate(database);
        flyway("20").migrate();
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id) VALUES ('Loja', '+55 11 4000', '5511400')
                RETURNING id""", Long.class);
        contactId = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, phone_e164, phone_digits, created_at)
                VALUES (?, '5511988887777', '+5511988887777', '5511988887777', '2025-10-01T00:00:00Z') RETURNING id""",
                Long.class, numberId);
        // Five months, three messages each (one carries no wamid), ids in time order; a reaction on the oldest.
        for (int month = 0; month < 5; month++) {
            for (int k = 0; k < 3; k++) {
                jdbc.update("""
                        INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, wamid, created_at)
                        VALUES (?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', ?, ?, ?)""", numberId, contactId,
                        "mensagem " + month + "." + k, k == 2 ? null : "wamid.old." + month + "." + k,
                        Timestamp.from(Instant.parse("2025-10-15T10:00:00Z").atOffset(ZoneOffset.UTC)
                                .plusMonths(month).plusHours(k).toInstant()));
            }
        }
        jdbc.update("""
                INSERT INTO message_reactions (message_id, number_id, author_type, emoji, created_at)
                SELECT id, number_id, 'CUSTOMER', '👍', created_at FROM messages WHERE wamid = 'wamid.old.0.0'""");
        jdbc.update("""
                INSERT INTO message_reactions (message_id, number_id, author_type, emoji, created_at)
                SELECT id, number_id, 'CUSTOMER', '❤️', created_at FROM messages WHERE wamid = 'wamid.old.4.0'""");
        jdbc.execute("SELECT setval(pg_get_serial_sequence('messages', 'id'), 500)");
        flyway("21").migrate();
    }

    @AfterAll
    static void closeTheDatabase() {
        database.close();
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(database).target(target).load();
    }

    @Test
    @Order(1)
    void theMigrationKeepsEveryRowIdAndReactionInItsMonth() {
        assertThat(jdbc.queryForObject("SELECT relkind::text FROM pg_class WHERE relname = 'messages'", String.class))
                .isEqualTo("p");
        assertThat(jdbc.queryForList("""
                SELECT tableoid::regclass::text || ':' || count(*) FROM messages GROUP BY tableoid ORDER BY 1""",
                String.class))
                .containsExactly("messages_2025_10:3", "messages_2025_11:3", "messages_2025_12:3", "messages_2026_01:3",
                        "messages_2026_02:3");
        assertThat(jdbc.queryForList("SELECT id FROM messages ORDER BY created_at", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 15).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_wamids", Integer.class)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_reactions", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE content_tsv @@ to_tsquery('portuguese', 'mensagem')",
                Integer.class)).isEqualTo(15);
        assertThat(jdbc.queryForList("""
                SELECT a.attname FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                 WHERE i.indrelid = 'messages'::regclass AND i.indisprimary ORDER BY a.attnum""", String.class))
                .containsExactly("id", "created_at");
        assertThat(jdbc.queryForList("SELECT conname FROM pg_constraint WHERE conrelid = 'messages'::regclass", String.class))
                .contains("messages_check", "messages_check4", "messages_type_check", "messages_automation_check",
                        "messages_contact_id_fkey", "messages_ticket_id_fkey", "messages_media_file_id_fkey");
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'messages'", String.class))
                .contains("messages_contact_timeline", "messages_ticket_timeline", "messages_outbox",
                        "messages_content_search", "messages_recent", "messages_replies_by_number",
                        "messages_media_to_fetch", "messages_unread_by_ticket", "messages_failed_recent");
    }

    @Test
    void newMessagesContinueTheSequenceAndTheChecksStillHold() {
        long id = insert("wamid.new.sequence", Instant.parse("2026-02-20T10:00:00Z")).get(0);
        assertThat(id).isGreaterThan(500);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, created_at)
                VALUES (?, ?, 'INBOUND', 'AGENT', 'TEXT', now())""", numberId, contactId))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theSameWamidAMonthLaterIsADuplicateInAnotherPartition() {
        assertThat(insert("wamid.old.1.0", Instant.parse("2026-02-01T09:00:00Z"))).isEmpty();
        Instant first = Instant.parse("2026-02-25T23:59:00Z");
        assertThat(insert("wamid.redelivered", first)).hasSize(1);
        assertThat(insert("wamid.redelivered", first.plusSeconds(40L * 24 * 3600))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE wamid = 'wamid.redelivered'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aMessageOutsideEveryMonthLandsInTheDefaultPartitionAndMovesWhenItsMonthIsCreated() {
        Instant old = Instant.parse("2012-06-01T12:00:00Z");
        long id = insert("wamid.from.2012", old).get(0);
        assertThat(partitionOf(id)).isEqualTo("messages_default");
        jdbc.update("INSERT INTO message_reactions (message_id, number_id, author_type, emoji, created_at) "
                + "VALUES (?, ?, 'CUSTOMER', '😮', now())", id, numberId);

        assertThat(jdbc.queryForObject("SELECT create_message_partitions(?, ?)", Integer.class,
                Timestamp.from(old), Timestamp.from(old))).isEqualTo(1);

        assertThat(partitionOf(id)).isEqualTo("messages_2012_06");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_reactions WHERE message_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(insert("wamid.from.2012", old)).isEmpty();
    }

    @Test
    @Order(9)
    void theJobCreatesTheNextMonthsAndTheRetentionDropsWholeMonthsWithTheirReactions() {
        long stray = insert("wamid.from.2013", Instant.parse("2013-03-09T10:00:00Z")).get(0);
        assertThat(partitionOf(stray)).isEqualTo("messages_default");
        // The migration made the months up to three after its own day; the job, later, makes the next ones, and
        // the months of what the default partition holds.
        Clock later = Clock.fixed(Instant.parse("2031-01-31T23:00:00Z"), ZoneOffset.UTC);
        new MessagePartitions(jdbc, later, new MessagesProperties(null)).maintain();
        assertThat(partitions()).contains("messages_2031_01", "messages_2031_02", "messages_2031_03", "messages_2031_04")
                .doesNotContain("messages_2031_05");
        assertThat(partitionOf(stray)).isEqualTo("messages_2013_03");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages_default", Integer.class)).isZero();
        Clock clock = Clock.fixed(Instant.parse("2026-05-20T08:00:00Z"), ZoneOffset.UTC);
        new MessagePartitions(jdbc, clock, new MessagesProperties(null)).maintain();
        assertThat(partitions()).contains("messages_2026_05", "messages_2026_06", "messages_2026_07", "messages_2026_08");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages", Integer.class)).isGreaterThanOrEqualTo(15);

        // Six months before 2026-05-20 is 2025-11-20: October ended before it, November did not.
        new MessagePartitions(jdbc, clock, new MessagesProperties(Period.ofMonths(6))).maintain();

        assertThat(partitions()).doesNotContain("messages_2025_10").contains("messages_2025_11");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE created_at < '2025-11-01'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE body LIKE 'mensagem %'", Integer.class)).isEqualTo(12);
        assertThat(jdbc.queryForList("SELECT emoji FROM message_reactions", String.class)).contains("❤️")
                .doesNotContain("👍");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_wamids WHERE wamid LIKE 'wamid.old.0.%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_wamids WHERE wamid LIKE 'wamid.old.1.%'",
                Integer.class)).isEqualTo(2);
    }

    private List<Long> insert(String wamid, Instant at) {
        return jdbc.queryForList("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, wamid, created_at)
                VALUES (?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'oi', ?, ?) RETURNING id""", Long.class,
                numberId, contactId, wamid, Timestamp.from(at));
    }

    private String partitionOf(long id) {
        return jdbc.queryForObject("SELECT tableoid::regclass::text FROM messages WHERE id = ?", String.class, id);
    }

    private List<String> partitions() {
        return jdbc.queryForList("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'messages'::regclass",
                String.class);
    }
}
