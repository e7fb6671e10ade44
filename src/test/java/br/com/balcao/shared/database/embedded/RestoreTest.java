package br.com.balcao.shared.database.embedded;

import static br.com.balcao.shared.database.embedded.TestServers.execute;
import static br.com.balcao.shared.database.embedded.TestServers.queryLong;
import static br.com.balcao.shared.database.embedded.TestServers.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base backup and the WAL archive restored into an empty data directory, to the latest state or to a point in time,
 * and restores that cannot be done refused before anything changes.
 */
class RestoreTest {

    @TempDir Path folder;
    BackupFolder backups;
    EmbeddedPostgresServer original;
    EmbeddedPostgresServer restored;
    BaseBackup backup;

    /** A server with 500 rows, backed up, then 500 more rows in five transactions. */
    @BeforeEach
    void aBackedUpServerThatKeptWriting() throws Exception {
        backups = new BackupFolder(folder.resolve("backups"));
        original = TestServers.started(folder.resolve("original"), backups);
        execute(original, "CREATE TABLE kept (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())",
                "INSERT INTO kept (id) SELECT generate_series(1, 500)");
        backup = new EmbeddedDatabaseBackups(original, 7, Clock.systemUTC()).takeBackup().orElseThrow();
        for (int batch = 0; batch < 5; batch++) {
            execute(original, "INSERT INTO kept (id) SELECT generate_series(" + (501 + batch * 100) + ", " + (600 + batch * 100) + ")");
        }
    }

    @AfterEach
    void stop() {
        original.close();
        if (restored != null) {
            restored.close();
        }
    }

    @Test
    void theLatestStateHasEveryCommittedRowAndLaterStartsAreOrdinary() throws Exception {
        original.close();

        restored = TestServers.server(folder.resolve("restored"), backups);
        restored.startFromBackup(RestoreRequest.of("latest", null).orElseThrow());

        assertThat(queryLong(restored, "SELECT count(*) FROM kept WHERE id BETWEEN 1 AND 1000")).isEqualTo(1000);
        assertThat(queryString(restored, "SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThat(restored.dataDirectory().resolve(RecoveryConfigFile.NAME)).doesNotExist();
        assertThat(restored.dataDirectory().resolve("recovery.signal")).doesNotExist();
        execute(restored, "INSERT INTO kept (id) VALUES (1001)");

        restored.close();
        restored.start();
        assertThat(queryLong(restored, "SELECT count(*) FROM kept")).isEqualTo(1001);
        assertThat(queryString(restored, "SHOW restore_command")).isEmpty();
    }

    @Test
    void aPointInTimeHasTheRowsCommittedUpToItAndNoneAfter() throws Exception {
        OffsetDateTime target = OffsetDateTime.parse(queryString(original,
                "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD\"T\"HH24:MI:SS.USOF') || ':00'"));
        execute(original, "INSERT INTO kept (id) SELECT generate_series(2001, 2100)");
        original.close();

        restored = TestServers.server(folder.resolve("restored"), backups);
        restored.startFromBackup(RestoreRequest.of("latest", target.toString()).orElseThrow());

        assertThat(queryLong(restored, "SELECT count(*) FROM kept WHERE id <= 1000")).isEqualTo(1000);
        assertThat(queryLong(restored, "SELECT count(*) FROM kept WHERE id > 2000")).isZero();
        execute(restored, "INSERT INTO kept (id) VALUES (3000)");
    }

    @Test
    void aDataDirectoryThatHoldsSomethingIsRefusedAndLeftAsItWas() throws Exception {
        Path occupied = folder.resolve("occupied");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("notes.txt"), "mine");

        restored = TestServers.server(occupied, backups);
        assertThatThrownBy(() -> restored.startFromBackup(RestoreRequest.of("latest", null).orElseThrow()))
                .hasMessageContaining("Restore refused: the data directory " + occupied + " is not empty")
                .hasMessageContaining("Nothing was changed");

        assertThat(list(occupied)).containsExactly("notes.txt");
        assertThat(Files.readString(occupied.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void anUnknownBackupOrABackupNewerThanTheTargetTimeIsRefused() {
        restored = TestServers.server(folder.resolve("restored"), backups);

        assertThatThrownBy(() -> restored.startFromBackup(RestoreRequest.of("20200101T000000Z", null).orElseThrow()))
                .hasMessageContaining("there is no base backup named '20200101T000000Z'")
                .hasMessageContaining("there are " + backup.name());
        String beforeTheBackup = backup.started().minusSeconds(60).atOffset(ZoneOffset.ofHours(-3)).toString();
        assertThatThrownBy(() -> restored.startFromBackup(RestoreRequest.of(backup.name(), beforeTheBackup).orElseThrow()))
                .hasMessageContaining("finished at " + backup.finished() + ", after the target time");
        assertThatThrownBy(() -> RestoreRequest.of("latest", "yesterday"))
                .hasMessageContaining("is not a time with its offset from UTC, such as 2026-12-05T10:15:00-03:00");

        assertThat(folder.resolve("restored")).doesNotExist();
        assertThat(backups.baseBackups()).containsExactly(backup);
    }

    @Test
    void aTargetTimeTheArchiveDoesNotReachFailsAndEmptiesTheDirectoryAgain() throws Exception {
        original.close();
        String future = OffsetDateTime.now().plusYears(1).toString();

        restored = TestServers.server(folder.resolve("restored"), backups);
        assertThatThrownBy(() -> restored.startFromBackup(RestoreRequest.of("latest", future).orElseThrow()))
                .hasMessageContaining("failed and was undone")
                .hasMessageContaining("recovery ended before configured recovery target was reached");

        assertThat(list(folder.resolve("restored"))).isEmpty();
        assertThat(restored.isRunning()).isFalse();
    }

    private static List<String> list(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
