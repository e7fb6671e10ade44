package br.com.balcao.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contact timeline and the content search read only the months of messages their time bounds need (V21):
 * their own statements, explained and run on a database with messages in six months.
 */
class MessagePartitionPruningTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final Timestamp SINCE = Timestamp.from(NOW.minus(90, ChronoUnit.DAYS));
    /** A partition scanned for the statement's own rows (alias m), and not marked "never executed". */
    private static final Pattern SCANNED = Pattern.compile("on (messages_\\w+) m(?:_\\d+)?(?![\\w]).*\\(actual");

    private static HikariDataSource database;
    private static JdbcTemplate jdbc;
    private static long numberId;
    private static long contactId;
    private static long aprilMessage;

    @BeforeAll
    static void sixMonthsOfMessages() {
        database = TestPostgres.newDatabase();
        jdbc = new JdbcTemplate(database);
        Flyway.configure().dataSource(database).load().migrate();
        jdbc.queryForObject("SELECT create_message_partitions('2026-01-01', '2026-09-01')", Integer.class);
        numberId = jdbc.queryForObject("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id) VALUES ('Loja', '+55 11 4000', '5511401')
                RETURNING id""", Long.class);
        contactId = jdbc.queryForObject("""
                INSERT INTO contacts (number_id, wa_id, phone_e164, phone_digits, created_at)
                VALUES (?, '5511977776666', '+5511977776666', '5511977776666', '2025-12-01T00:00:00Z') RETURNING id""",
                Long.class, numberId);
        jdbc.update("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, wamid, created_at)
                SELECT ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', 'quero o boleto ' || g, 'wamid.prune.' || g,
                       timestamptz '2026-01-03 10:00+00' + g * interval '6 hours'
                  FROM generate_series(0, 650) g""", numberId, contactId);
        aprilMessage = jdbc.queryForObject("SELECT min(id) FROM messages WHERE created_at >= '2026-04-10'", Long.class);
        jdbc.execute("ANALYZE messages");
    }

    @AfterAll
    static void closeTheDatabase() {
        database.close();
    }

    @Test
    void theTimelinesPagesReadOnlyTheMonthsOfTheRetentionPeriod() {
        Set<String> first = scanned(ContactTimeline.latestPageSql(), null, contactId, SINCE, null, 51);
        assertThat(first).contains("messages_2026_03", "messages_2026_06")
                .doesNotContain("messages_2026_01", "messages_2026_02");
        Set<String> older = scanned(ContactTimeline.olderPageSql(), null, contactId, SINCE, aprilMessage, 51);
        assertThat(older).contains("messages_2026_04").doesNotContain("messages_2026_01", "messages_2026_02");
    }

    @Test
    void theContentSearchReadsOnlyTheMonthsOfTheRetentionPeriod() {
        Set<String> scanned = scanned(MessageSearch.searchSql("m.contact_id = ?"), contactId, SINCE, "boleto", 21, 0,
                "boleto");
        assertThat(scanned).contains("messages_2026_06").doesNotContain("messages_2026_01", "messages_2026_02");
    }

    private static Set<String> scanned(String sql, Object... parameters) {
        Set<String> partitions = new TreeSet<>();
        jdbc.query("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql, row -> {
            String line = row.getString(1);
            Matcher matcher = SCANNED.matcher(line);
            if (matcher.find() && !line.contains("never executed")) {
                partitions.add(matcher.group(1));
            }
        }, parameters);
        assertThat(partitions).as("the plan names partitions of messages").isNotEmpty();
        return partitions;
    }
}
