package br.com.balcao.shared.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration the app gives its embedded server at every start, written into the data directory: the server
 * settings in {@code balcao.conf} (included from {@code postgresql.conf}, after it, so they win) and the
 * authentication rules in {@code pg_hba.conf}. Nothing is passed on the command line, so {@code SHOW} tells what
 * is in force and a server started by hand on the directory behaves the same.
 */
final class ServerConfigFiles {

    static final String SETTINGS_FILE = "balcao.conf";
    private static final String INCLUDE = "include_if_exists = '" + SETTINGS_FILE + "'";

    /** Password (SCRAM) connections over TCP from this machine only; no Unix socket, no trust, no replication. */
    private static final String HBA = """
            # Written by Balcão at every start of its embedded server: changes here are overwritten.
            # Password (SCRAM) connections from this machine only.
            host    all    all    127.0.0.1/32    scram-sha-256
            host    all    all    ::1/128         scram-sha-256
            """;

    private ServerConfigFiles() {
    }

    static void write(Path dataDirectory, int port, Optional<Path> walArchive) {
        try {
            Files.writeString(dataDirectory.resolve(SETTINGS_FILE), render(settings(port, walArchive)), StandardCharsets.UTF_8);
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

    static Map<String, String> settings(int port, Optional<Path> walArchive) {
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
        walArchive.ifPresent(archive -> {
            settings.put("archive_mode", "on");
            settings.put("archive_library", "basic_archive");
            settings.put("basic_archive.archive_directory", archive.toAbsolutePath().toString().replace('\\', '/'));
        });
        return settings;
    }

    private static String render(Map<String, String> settings) {
        StringBuilder text = new StringBuilder("# Written by Balcão at every start of its embedded server: changes here are overwritten.\n");
        settings.forEach((name, value) -> text.append(name).append(" = '").append(value.replace("'", "''")).append("'\n"));
        return text.toString();
    }

    private static void includeSettings(Path postgresqlConf) throws IOException {
        if (!Files.readString(postgresqlConf, StandardCharsets.UTF_8).contains(INCLUDE)) {
            Files.writeString(postgresqlConf, "\n" + INCLUDE + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }
}
