package br.com.balcao.shared.database.embedded;

import br.com.balcao.support.EmbeddedServerFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Embedded servers for the tests of this package, on the binaries unpacked once under target/. */
final class TestServers {

    private TestServers() {
    }

    static EmbeddedPostgresServer server(Path dataDirectory, BackupFolder backups) {
        return new EmbeddedPostgresServer(dataDirectory, EmbeddedServerFolder.BINARIES, 0, backups, Duration.ZERO);
    }

    static EmbeddedPostgresServer started(Path dataDirectory, BackupFolder backups) {
        EmbeddedPostgresServer server = server(dataDirectory, backups);
        server.start();
        return server;
    }

    static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static String queryString(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    static long queryLong(EmbeddedPostgresServer server, String sql) throws SQLException {
        return Long.parseLong(queryString(server, sql));
    }
}
