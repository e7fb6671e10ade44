package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own PostgreSQL server on one data directory: created on the first start, password-protected, durable,
 * archiving its WAL when a folder is given, and started again by {@link ServerWatchdog} whenever it dies. A server
 * left running on the directory by an app that crashed is stopped cleanly before this one starts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final int configuredPort;
    private final Optional<Path> walArchive;
    private DataDirectoryLock lock;
    private PostgresCommands commands;
    private ServerIdentity identity;
    private volatile ProcessHandle postmaster;

    public EmbeddedPostgresServer(Path dataDirectory, Path binariesDirectory, int configuredPort, Optional<Path> walArchive) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.binariesDirectory = binariesDirectory;
        this.configuredPort = configuredPort;
        this.walArchive = walArchive.map(path -> path.toAbsolutePath().normalize());
    }

    public synchronized void start() {
        if (lock == null) {
            createDirectory(dataDirectory.getParent());
            lock = DataDirectoryLock.acquire(dataDirectory);
        }
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
        walArchive.ifPresent(EmbeddedPostgresServer::createDirectory);
        ServerConfigFiles.write(dataDirectory, identity.port(), walArchive);
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

    /** Stops the server (a fast shutdown) and lets another app take the data directory. */
    @Override
    public synchronized void close() {
        try {
            if (isRunning()) {
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

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }
}
