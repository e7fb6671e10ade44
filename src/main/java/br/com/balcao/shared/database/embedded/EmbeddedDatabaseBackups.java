package br.com.balcao.shared.database.embedded;

import br.com.balcao.shared.database.embedded.BackupOverview.Failure;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's base backups: taken one at a time, on the caller's thread (the schedule) or in the
 * background (an admin's "Take a backup now"), each followed by the retention rule (the newest {@code keep} backups
 * and the WAL they need).
 */
public final class EmbeddedDatabaseBackups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackups.class);

    private final EmbeddedPostgresServer server;
    private final int keep;
    private final Clock clock;
    private final AtomicReference<Instant> runningSince = new AtomicReference<>();
    private volatile Failure lastFailure;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-postgres-backup");
        thread.setDaemon(true);
        return thread;
    });

    public EmbeddedDatabaseBackups(EmbeddedPostgresServer server, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("balcao.embedded-database.backup.keep must be at least 1");
        }
        this.server = server;
        this.keep = keep;
        this.clock = clock;
    }

    /** Takes a base backup now, unless one is running already (then empty). */
    public Optional<BaseBackup> takeBackup() {
        if (!runningSince.compareAndSet(null, clock.instant())) {
            log.info("A base backup is running already (since {}); not starting another", runningSince.get());
            return Optional.empty();
        }
        return backUpAndRelease();
    }

    /** Starts a base backup in the background; false when one is running already. */
    public boolean startBackup() {
        if (!runningSince.compareAndSet(null, clock.instant())) {
            return false;
        }
        try {
            background.execute(this::backUpAndRelease);
            return true;
        } catch (RejectedExecutionException e) {
            runningSince.set(null);
            return false;
        }
    }

    /** The first backup of a new installation (or of a new backup folder), in the background. */
    public void startBackupIfNone() {
        if (server.backupFolder().baseBackups().isEmpty()) {
            log.info("No base backup in {} yet: taking the first one", server.backupFolder());
            startBackup();
        }
    }

    public BackupOverview overview() {
        BackupFolder folder = server.backupFolder();
        return new BackupOverview(folder.root(), folder.baseBackups(), keep, Directories.size(folder.walArchive()),
                Optional.ofNullable(runningSince.get()), Optional.ofNullable(lastFailure));
    }

    private Optional<BaseBackup> backUpAndRelease() {
        try {
            BaseBackup backup = writeBackup();
            lastFailure = null;
            return Optional.of(backup);
        } catch (SQLException | IOException | RuntimeException e) {
            log.error("The base backup failed", e);
            lastFailure = new Failure(clock.instant(), e.getMessage() == null ? e.toString() : e.getMessage());
            return Optional.empty();
        } finally {
            runningSince.set(null);
        }
    }

    private BaseBackup writeBackup() throws SQLException, IOException {
        BaseBackup backup;
        try (Connection connection = server.connect("postgres")) {
            backup = BaseBackupWriter.take(connection, server.dataDirectory(), server.backupFolder());
        }
        log.info("Base backup {} taken in {} s: {} MB compressed, {} MB of data, needs the WAL from {}", backup.name(),
                backup.duration().toMillis() / 1000.0, megabytes(backup.archiveBytes()), megabytes(backup.dataBytes()),
                backup.startWalFile());
        BackupRetention.apply(server.backupFolder(), keep);
        return backup;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** Stops a background backup: its connection closes, the server drops the backup, its partial folder stays until the next one. */
    @Override
    public void close() {
        background.shutdownNow();
    }
}
