package br.com.balcao.shared.database.embedded;

import br.com.balcao.support.EmbeddedServerFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A real streaming replica of a PostgreSQL 17 server on this machine, for tests and benchmarks: a base backup of the
 * primary taken as the embedded server's backups take it ({@link BaseBackupWriter}), unpacked into a folder of its
 * own, with {@code standby.signal} and {@code primary_conninfo}, and started with the embedded server's programs.
 * A physical replication slot keeps the WAL the replica still needs on the primary (also while it is stopped);
 * {@link #close()} drops it. The primary must allow replication from 127.0.0.1 (the embedded servers do).
 * <pre>
 * try (StreamingReplica replica = StreamingReplica.of(port, "postgres", password, folder)) {
 *     replica.jdbcUrl("balcao") ... replica.pauseReplay() ... replica.awaitCaughtUp(Duration.ofSeconds(30))
 * }
 * </pre>
 */
public final class StreamingReplica implements AutoCloseable {

    /** A standby needs at least the primary's values of these (PostgreSQL refuses to start otherwise). */
    private static final List<String> COPIED_SETTINGS = List.of("max_connections", "max_worker_processes",
            "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction", "fsync", "synchronous_commit");

    private final int primaryPort;
    private final String user;
    private final String password;
    private final String slot;
    private final Path folder;
    private final Path dataDirectory;
    private final int port;
    private final PostgresCommands commands;
    private boolean running;

    private StreamingReplica(int primaryPort, String user, String password, String slot, Path folder, int port) {
        this.primaryPort = primaryPort;
        this.user = user;
        this.password = password == null ? "" : password;
        this.slot = slot;
        this.folder = folder;
        this.dataDirectory = folder.resolve("data");
        this.port = port;
        this.commands = new PostgresCommands(PostgresBinaries.in(EmbeddedServerFolder.BINARIES), dataDirectory);
    }

    /** Makes the replica of the server on localhost:{@code primaryPort} in {@code folder} (emptied first) and starts it. */
    public static StreamingReplica of(int primaryPort, String user, String password, Path folder) {
        return of(primaryPort, user, password, folder, freePort());
    }

    /** The same, the replica listening on {@code port}. */
    public static StreamingReplica of(int primaryPort, String user, String password, Path folder, int port) {
        Path root = folder.toAbsolutePath().normalize();
        StreamingReplica replica = new StreamingReplica(primaryPort, user, password,
                "replica_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), root, port);
        try {
            Directories.deleteRecursively(root);
            replica.makeFromBaseBackup();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the replica in " + root, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the replica of the server on port " + primaryPort, e);
        }
        replica.start();
        replica.awaitCaughtUp(Duration.ofSeconds(60));
        return replica;
    }

    /**
     * For a benchmark: {@code StreamingReplica <primary port> <user> <password> <folder> <replica port>} makes the
     * replica, prints its port and keeps it running until the program is stopped (Ctrl-C, SIGTERM), then removes it.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: StreamingReplica <primary port> <user> <password> <folder> <replica port>");
            System.exit(2);
        }
        StreamingReplica replica = of(Integer.parseInt(args[0]), args[1], args[2], Path.of(args[3]),
                Integer.parseInt(args[4]));
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        System.out.println("replica streaming on port " + replica.port());
        Thread.currentThread().join();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public synchronized void start() {
        if (!running) {
            commands.start(folder.resolve("replica.log"));
            running = true;
        }
    }

    /** A fast shutdown: the replica stops answering; the slot keeps its WAL on the primary until it starts again. */
    public synchronized void stop() {
        if (running) {
            commands.stop();
            running = false;
        }
    }

    /** The replica keeps receiving WAL but replays none of it: it lags behind every commit on the primary from now on. */
    public void pauseReplay() {
        executeOnReplica("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        executeOnReplica("SELECT pg_wal_replay_resume()");
    }

    /** Waits until the replica has replayed everything the primary had written when this was called. */
    public void awaitCaughtUp(Duration timeout) {
        String target = queryPrimary("SELECT pg_current_wal_insert_lsn()::text");
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection connection = connectReplica();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
                statement.setString(1, target);
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
            } catch (SQLException e) {
                last = e;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("The replica did not replay up to " + target + " within " + timeout, last);
    }

    /** Stops the replica, drops its slot on the primary and deletes its folder. */
    @Override
    public void close() {
        stop();
        try (Connection connection = connectPrimary();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slot);
            statement.execute();
            Directories.deleteRecursively(folder);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the replication slot " + slot, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void makeFromBaseBackup() throws SQLException, IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        Path primaryData;
        try (Connection connection = connectPrimary(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            primaryData = Path.of(show(statement, "data_directory"));
            for (String name : COPIED_SETTINGS) {
                settings.put(name, show(statement, name));
            }
        }
        BaseBackup backup;
        try (Connection connection = connectPrimary()) {
            backup = BaseBackupWriter.take(connection, primaryData, new BackupFolder(folder.resolve("backup")));
        }
        Files.createDirectories(dataDirectory);
        Files.setPosixFilePermissions(dataDirectory, TarExtraction.permissions(0700));
        try (InputStream file = Files.newInputStream(backup.archive());
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarExtraction.extractAll(tar, dataDirectory);
        }
        Directories.deleteRecursively(folder.resolve("backup"));
        settings.put("port", Integer.toString(port));
        settings.put("listen_addresses", "localhost");
        settings.put("unix_socket_directories", "");
        settings.put("hot_standby", "on");
        // Long reads (an export) are not cancelled by the replay of the primary's vacuum.
        settings.put("hot_standby_feedback", "on");
        settings.put("logging_collector", "off");
        settings.put("primary_conninfo", "host=localhost port=" + primaryPort + " user=" + user
                + (password.isEmpty() ? "" : " password=" + password) + " application_name=" + slot);
        settings.put("primary_slot_name", slot);
        // postgresql.auto.conf is read last: these win over what the copied configuration says.
        Files.writeString(dataDirectory.resolve("postgresql.auto.conf"),
                "\n" + ServerConfigFiles.render("A streaming replica made by a test", settings),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.writeString(dataDirectory.resolve("standby.signal"), "");
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    private void executeOnReplica(String sql) {
        try (Connection connection = connectReplica(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on the replica", e);
        }
    }

    private String queryPrimary(String sql) {
        try (Connection connection = connectPrimary(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on the primary", e);
        }
    }

    private Connection connectPrimary() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + primaryPort + "/postgres", user, password);
    }

    private Connection connectReplica() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user, password);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
