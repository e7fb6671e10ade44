package br.com.balcao.shared.database.embedded;

import static br.com.balcao.shared.database.embedded.TestServers.execute;
import static br.com.balcao.shared.database.embedded.TestServers.queryString;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Base backups of the running server: what one holds, and which backups and archived WAL are kept. */
class BaseBackupTest {

    @TempDir Path folder;
    BackupFolder backups;
    EmbeddedPostgresServer server;

    @BeforeEach
    void start() throws Exception {
        backups = new BackupFolder(folder.resolve("backups"));
        server = TestServers.started(folder.resolve("postgres"), backups);
        execute(server, "CREATE TABLE kept (id int PRIMARY KEY, note text)",
                "INSERT INTO kept SELECT i, repeat('x', 100) FROM generate_series(1, 10000) i");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBackupHoldsTheDataDirectoryWithItsBackupLabelAndLeavesOutWhatTheServerRebuilds() throws Exception {
        Files.writeString(server.dataDirectory().resolve("base").resolve("pgsql_tmp_leftover"), "scratch");

        BaseBackup backup = new EmbeddedDatabaseBackups(server, 7, Clock.systemUTC()).takeBackup().orElseThrow();

        Map<String, byte[]> entries = smallEntries(backup.archive());
        assertThat(entries).containsKeys("PG_VERSION", "global/pg_control", "postgresql.conf", "balcao.conf",
                ServerIdentity.FILE, "pg_hba.conf", "backup_label", "pg_wal/", "pg_stat_tmp/", "pg_subtrans/");
        assertThat(entries.keySet()).noneMatch(name -> name.startsWith("pg_wal/") && !name.equals("pg_wal/"))
                .noneMatch(name -> name.startsWith("log/") || name.equals("log/"))
                .noneMatch(name -> name.startsWith("pg_subtrans/") && !name.equals("pg_subtrans/"))
                .noneMatch(name -> name.contains("pgsql_tmp") || name.contains("pg_internal.init"))
                .doesNotContain("postmaster.pid", "postmaster.opts", "tablespace_map");
        assertThat(new String(entries.get("backup_label"), StandardCharsets.UTF_8))
                .contains("START WAL LOCATION: " + backup.startLsn() + " (file " + backup.startWalFile() + ")")
                .contains("LABEL: balcao " + backup.name());

        assertThat(backup.name()).matches("\\d{8}T\\d{6}Z");
        assertThat(backup.directory()).isEqualTo(backups.root().resolve("base").resolve(backup.name()));
        assertThat(backup.finished()).isAfterOrEqualTo(backup.started());
        assertThat(backup.archiveBytes()).isEqualTo(Files.size(backup.archive()));
        assertThat(backup.dataBytes()).isGreaterThan(backup.archiveBytes());
        assertThat(backups.walArchive().resolve(backup.startWalFile())).as("archived before the backup ended").exists();
        assertThat(backups.baseBackups()).containsExactly(backup);
    }

    @Test
    void theNewestBackupsAreKeptWithTheWalTheyNeedAndOlderOnesAreDeleted() throws Exception {
        EmbeddedDatabaseBackups twoKept = new EmbeddedDatabaseBackups(server, 2, Clock.systemUTC());
        List<BaseBackup> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            execute(server, "INSERT INTO kept SELECT i, 'more' FROM generate_series(" + (20000 + i * 100) + ", "
                    + (20000 + i * 100 + 99) + ") i");
            taken.add(twoKept.takeBackup().orElseThrow());
        }
        Files.writeString(backups.walArchive().resolve("00000002.history"), "1\t0/3000000\tno recovery target specified\n");

        twoKept.takeBackup().orElseThrow();

        List<BaseBackup> kept = backups.baseBackups();
        assertThat(kept).hasSize(2).extracting(BaseBackup::name).doesNotContain(taken.get(0).name(), taken.get(1).name());
        assertThat(taken.get(0).directory()).doesNotExist();
        String oldestNeeded = kept.get(0).startWalFile();
        assertThat(archivedWal()).allMatch(name -> !isSegment(name) || name.substring(8, 24).compareTo(oldestNeeded.substring(8, 24)) >= 0)
                .contains(oldestNeeded, "00000002.history")
                .doesNotContain(taken.get(0).startWalFile(), taken.get(1).startWalFile());
        assertThat(queryString(server, "SELECT count(*) FROM kept")).isEqualTo("10300");
    }

    private List<String> archivedWal() throws Exception {
        try (Stream<Path> files = Files.list(backups.walArchive())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isSegment(String name) {
        return name.matches("[0-9A-F]{24}.*");
    }

    /** Every entry's name, with the content of the small ones. */
    private static Map<String, byte[]> smallEntries(Path archive) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry.getSize() < 10_000 ? tar.readAllBytes() : new byte[0]);
            }
        }
        return entries;
    }
}
