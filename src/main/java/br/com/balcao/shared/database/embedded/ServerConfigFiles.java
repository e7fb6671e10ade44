package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration the app gives its embedded server at every start, written into the data directory: the server
 * settings in {@code balcao.conf} (included from {@code postgresql.conf}, after it, so they win) and the
 * authentication rules in {@code pg_hba.conf}. Nothing is passed on the command line, so {@code SHOW} tells what
 * is in force and a server started by hand on the directory behaves the same.
 */
final class ServerConfigFiles {

    static final String SETTINGS_FILE = "balcao.conf";
    private static final String INCLUDE = "include_if_exists = '" + SETTINGS_FILE + "'";
    private static final String HEADER = "Written by Balcão at every start of its embedded server: changes here are overwritten.";

    /**
     * Password (SCRAM) connections over TCP from this machine only, no Unix socket, no trust; replication too, for a
     * read replica made from its base backup on the same machine (docs/scaling.md).
     */
    private static final String HBA = """
            # Written by Balcão at every start of its embedded server: changes here are overwritten.
            # Password (SCRAM) connections from this machine only.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            host    replication    all    127.0.0.1/32    scram-sha-256
            host    replication    all    ::1/128         scram-sha-256
            """;

    private ServerConfigFiles() {
    }

    static void write(Path dataDirectory, int port, Path walArchive, Duration archiveTimeout) {
        String text = render(HEADER, settings(port, walArchive, archiveTimeout))
                // after the settings, so that a restore's settings win
                + "include_if_exists = '" + RecoveryConfigFile.NAME + "'\n";
        try {
            Files.writeString(dataDirectory.resolve(SETTINGS_FILE), text, StandardCharsets.UTF_8);
            includeSettings(dataDirectory.resolve("postgresql.conf"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the embedded server's settings in " + dataDirectory, e);
        }
    }

    static void restrictAuthentication(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + dataDirectory.resolve("pg_hba.conf"), e);
        }
    }

    static Map<String, String> settings(int port, Path walArchive, Duration archiveTimeout) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "localhost");
        settings.put("port", Integer.toString(port));
        settings.put("unix_socket_directories", "");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("max_connections", "100");
        settings.put("timezone", "UTC");
        // Durable commits: a message answered 200 to Meta survives a crash of the server or of the machine.
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("logging_collector", "on");
        settings.put("log_directory", "log");
        settings.put("log_filename", "postgresql-%a.log");
        settings.put("log_truncate_on_rotation", "on");
        settings.put("log_rotation_age", "1d");
        // Every finished WAL file is copied into the archive, which the backups' restores replay.
        settings.put("archive_mode", "on");
        settings.put("archive_library", "basic_archive");
        settings.put("basic_archive.archive_directory", walArchive.toAbsolutePath().toString().replace('\\', '/'));
        // A WAL file is archived once full (16 MB), or after this long with anything in it: the most a restore can
        // lose when the data directory's disk is lost; each early switch still archives a whole 16 MB file.
        settings.put("archive_timeout", archiveTimeout.toSeconds() + "s");
        return settings;
    }

    /** Settings as postgresql.conf reads them: each value quoted, its quotes and backslashes escaped. */
    static String render(String header, Map<String, String> settings) {
        StringBuilder text = new StringBuilder("# ").append(header).append('\n');
        settings.forEach((name, value) -> text.append(name).append(" = '")
                .append(value.replace("\\", "\\\\").replace("'", "''")).append("'\n"));
        return text.toString();
    }

    private static void includeSettings(Path postgresqlConf) throws IOException {
        if (!Files.readString(postgresqlConf, StandardCharsets.UTF_8).contains(INCLUDE)) {
            Files.writeString(postgresqlConf, "\n" + INCLUDE + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }
}
