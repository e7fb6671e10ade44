package br.com.balcao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.com.balcao.HelpdeskApplication;
import br.com.balcao.shared.database.embedded.EmbeddedDatabaseBackups;
import br.com.balcao.support.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The restore as a user does it: the app, on its embedded database, takes its first backup and keeps taking
 * messages; it is stopped; the app started with {@code --balcao.embedded-database.restore.from=latest} on an empty
 * data directory has every row committed before the stop.
 */
class RestoreOnStartTest {

    private static final Duration BACKUP_TIME = Duration.ofMinutes(2);

    @TempDir Path folder;

    @Test
    void theAppRestoredFromTheLatestBackupHasEveryRowCommittedBeforeItStopped() {
        Map<String, Object> written;
        try (ConfigurableApplicationContext original = start("postgres")) {
            EmbeddedDatabaseBackups backups = original.getBean(EmbeddedDatabaseBackups.class);
            await().atMost(BACKUP_TIME).until(() -> backups.overview().latest().isPresent()
                    && backups.overview().runningSince().isEmpty());
            JdbcTemplate jdbc = original.getBean(JdbcTemplate.class);
            writeConversations(jdbc, new TestData(jdbc, original.getBean(PasswordEncoder.class)));
            written = contents(jdbc);
        }
        assertThat(written).containsEntry("messages", 200L);

        try (ConfigurableApplicationContext restored = start("restored", "--balcao.embedded-database.restore.from=latest")) {
            JdbcTemplate jdbc = restored.getBean(JdbcTemplate.class);
            assertThat(contents(jdbc)).isEqualTo(written);
            assertThat(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)).isFalse();
        }
    }

    @Test
    void aRestoreThatCannotBeDoneStopsTheStartWithAClearMessageAndChangesNothing() {
        assertThatThrownBy(() -> start("postgres", "--balcao.embedded-database.restore.from=20200101T000000Z"))
                .rootCause()
                .hasMessageStartingWith("Restore refused: there is no base backup in " + folder.resolve("backups").resolve("base"))
                .hasMessageEndingWith("Nothing was changed.");
        assertThat(folder.resolve("postgres")).doesNotExist();
        assertThat(folder.resolve("backups").resolve("base")).doesNotExist();
    }

    /** Twenty customers of a number, each with a ticket and ten messages, committed one customer at a time. */
    private static void writeConversations(JdbcTemplate jdbc, TestData data) {
        long number = data.openNumber("Restaurada " + TestData.unique());
        for (int customer = 0; customer < 20; customer++) {
            long contact = data.contact(number, "Cliente " + customer);
            long ticket = data.ticket(number, contact, "WAITING", null);
            List<Object[]> messages = new ArrayList<>();
            for (int message = 0; message < 10; message++) {
                messages.add(new Object[] {number, contact, ticket, "Mensagem " + customer + "." + message});
            }
            jdbc.batchUpdate("""
                    INSERT INTO messages (number_id, contact_id, ticket_id, direction, author_type, type, body, created_at)
                    VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', 'TEXT', ?, now())
                    """, messages);
        }
    }

    private static Map<String, Object> contents(JdbcTemplate jdbc) {
        return jdbc.queryForMap("""
                SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM tickets) AS tickets,
                       (SELECT count(*) FROM messages) AS messages,
                       (SELECT string_agg(body, '|' ORDER BY id) FROM messages) AS bodies
                """);
    }

    private ConfigurableApplicationContext start(String dataDirectory, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--balcao.demo.auto-activate=false",
                "--balcao.whatsapp.outbound.enabled=false",
                "--balcao.embedded-database.binaries-directory=target/embedded-postgres-binaries",
                "--balcao.embedded-database.data-directory=" + folder.resolve(dataDirectory),
                "--balcao.embedded-database.backup.folder=" + folder.resolve("backups")));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(arguments.toArray(String[]::new));
    }
}
