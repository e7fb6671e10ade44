package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own PostgreSQL server on one data directory: created on the first start (or restored from a base backup),
 * password-protected, durable, archiving its WAL into the backup folder, and started again by {@link ServerWatchdog}
 * whenever it dies. A server left running on the directory by an app that crashed is stopped cleanly before this
 * one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final int configuredPort;
    private final BackupFolder backups;
    private final Duration archiveTimeout;
    private DataDirectoryLock lock;
    private PostgresCommands commands;
    private ServerIdentity identity;
    private volatile ProcessHandle postmaster;

    public EmbeddedPostgresServer(Path dataDirectory, Path binariesDirectory, int configuredPort, BackupFolder backups,
                                  Duration archiveTimeout) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.binariesDirectory = binariesDirectory;
        this.configuredPort = configuredPort;
        this.backups = backups;
        this.archiveTimeout = archiveTimeout;
    }

    public synchronized void start() {
        lockDataDirectory();
        commands = new PostgresCommands(PostgresBinaries.in(binariesDirectory), dataDirectory);
        boolean created = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        if (created) {
            identity = initdb();
        } else {
            stopLeftoverServer();
            identity = ServerIdentity.readFrom(dataDirectory).map(known -> known.withPort(configuredPort)).orElse(null);
        }
        boolean passwordless = identity == null;
        if (passwordless) {
            identity = ServerIdentity.create(configuredPort);
        } else {
            identity.writeTo(dataDirectory);
            ServerConfigFiles.restrictAuthentication(dataDirectory);
        }
        createDirectory(backups.walArchive());
        keepToOwner(backups.root());
        ServerConfigFiles.write(dataDirectory, identity.port(), backups.walArchive(), archiveTimeout);
        createDirectory(dataDirectory.resolve("log"));
        commands.start(dataDirectory.resolve("log").resolve("startup.log"));
        postmaster = Postmaster.running(dataDirectory)
                .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL stopped right after starting"));
        if (passwordless) {
            protectWithPassword();
        }
        log.info("Embedded PostgreSQL {} on localhost:{} (data in {})", created ? "created and running" : "running",
                identity.port(), dataDirectory);
    }

    /**
     * Restores a base backup into the data directory, which must be empty or absent, and starts the server on it: the
     * server replays the WAL archive up to the request's target time (to its end without one) and is promoted; the
     * restore's settings are then deleted, so that later starts are ordinary ones. A request that cannot be met is
     * refused before anything changes; a replay that fails empties the directory again.
     */
    public synchronized void startFromBackup(RestoreRequest request) {
        lockDataDirectory();
        BaseBackup backup;
        try {
            backup = BackupRestore.prepare(request, backups, dataDirectory);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Restoring the base backup {} (taken {} to {}) into {}, then replaying the WAL archive {} up to {}",
                backup.name(), backup.started(), backup.finished(), dataDirectory, backups.walArchive(), request.describe());
        Optional<Instant> lastCommit;
        try {
            start();
            lastCommit = RecoveryWait.untilPromoted(this);
            RecoveryConfigFile.remove(dataDirectory);
        } catch (IOException | RuntimeException e) {
            String lastWords = ServerLog.tail(dataDirectory, 20);
            stopQuietly(e);
            BackupRestore.undo(dataDirectory, e);
            throw new RestoreFailedException("The restore of the base backup " + backup.name() + " failed and was undone"
                    + " (the data directory is empty again). The server's log ended with:\n" + lastWords, e);
        }
        log.info("Restore done: the base backup {} and the archived WAL replayed up to the transaction committed at {};"
                + " the server takes writes again (the backups and the WAL archive were left as they were)",
                backup.name(), lastCommit.map(Instant::toString).orElse("(none after the backup)"));
    }

    /**
     * Stops the server (a fast shutdown) and lets another app take the data directory. The WAL written since the
     * last archived file is switched out first, so that the archive holds every commit of a server stopped cleanly.
     */
    @Override
    public synchronized void close() {
        try {
            if (isRunning()) {
                switchWal();
                commands.stop();
            }
        } finally {
            postmaster = null;
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }

    public boolean isRunning() {
        ProcessHandle process = postmaster;
        return process != null && process.isAlive();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + identity.port() + "/" + database;
    }

    public String password() {
        return identity.password();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public BackupFolder backupFolder() {
        return backups;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, identity.password());
    }

    public void createDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
    }

    private void lockDataDirectory() {
        if (lock == null) {
            createDirectory(dataDirectory.getParent());
            lock = DataDirectoryLock.acquire(dataDirectory);
        }
    }

    private void switchWal() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_switch_wal() WHERE NOT pg_is_in_recovery()");
        } catch (SQLException e) {
            log.warn("Could not switch to a new WAL file before stopping: the last commits reach the archive at the"
                    + " next start ({})", e.getMessage());
        }
    }

    private void stopQuietly(Exception cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private ServerIdentity initdb() {
        ServerIdentity created = ServerIdentity.create(configuredPort);
        Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
        try {
            ServerIdentity.writeOwnerOnly(passwordFile);
            Files.writeString(passwordFile, created.password());
            commands.initdb(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded database in " + dataDirectory, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                log.warn("Could not delete {}", passwordFile, e);
            }
        }
        return created;
    }

    /** A server this app did not start is running on the directory: its app died. Stop it and start afresh. */
    private void stopLeftoverServer() {
        Postmaster.running(dataDirectory).ifPresent(leftover -> {
            log.warn("A PostgreSQL server (pid {}) left by an earlier run is still running on {}; stopping it",
                    leftover.pid(), dataDirectory);
            commands.stop(Postmaster.program(leftover).map(postgres -> postgres.resolveSibling(
                    postgres.getFileName().toString().replace("postgres", "pg_ctl"))).orElseThrow());
            awaitExit(leftover);
        });
    }

    /** {@code pg_ctl stop} returns once the pid file is gone, a moment before the process has ended. */
    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The server (pid {}) has not ended yet", process.pid());
        }
    }

    /** Directories made by earlier versions trusted every local connection: give the superuser a password. */
    private void protectWithPassword() {
        log.warn("The embedded PostgreSQL in {} had no password; setting one (kept in {})", dataDirectory,
                dataDirectory.resolve(ServerIdentity.FILE));
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            identity.writeTo(dataDirectory);
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + identity.password() + "'");
            ServerConfigFiles.restrictAuthentication(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded server's password", e);
        }
    }

    /** The backups hold every conversation and the server's password: no other user of the machine may read them. */
    private static void keepToOwner(Path directory) {
        try {
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restrict " + directory + " to its owner", e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }
}
