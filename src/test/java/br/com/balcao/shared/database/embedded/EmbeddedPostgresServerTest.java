package br.com.balcao.shared.database.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own PostgreSQL server: durable, password-protected, and started again when it dies. */
class EmbeddedPostgresServerTest {

    @TempDir Path folder;
    EmbeddedPostgresServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void commitsAreDurable() throws SQLException {
        server = started();
        try (Connection connection = server.connect("postgres")) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(show(connection, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(connection, "archive_mode")).isEqualTo("on");
        }
    }

    @Test
    void connectionsWithoutTheGeneratedPasswordAreRefused() throws Exception {
        server = started();
        String url = server.jdbcUrl("postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class);
        Path identity = folder.resolve("postgres").resolve(ServerIdentity.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
        assertThat(Files.readString(identity)).contains(server.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("backups"))))
                .as("the backups hold the conversations").isEqualTo("rwx------");
        assertThat(Files.readString(folder.resolve("postgres").resolve("pg_hba.conf")))
                .doesNotContain("trust").contains("scram-sha-256");
    }

    @Test
    void keepsItsPortAndPasswordAcrossRestarts() {
        server = started();
        String url = server.jdbcUrl("balcao");
        String password = server.password();
        server.close();
        server = started();
        assertThat(server.jdbcUrl("balcao")).isEqualTo(url);
        assertThat(server.password()).isEqualTo(password);
    }

    @Test
    void aServerThatDiesIsStartedAgainWithItsCommittedData() throws Exception {
        server = started();
        server.createDatabase("balcao");
        try (Connection connection = server.connect("balcao"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
            statement.execute("INSERT INTO kept SELECT generate_series(1, 1000)");
        }
        try (ServerWatchdog watchdog = new ServerWatchdog(server, Duration.ofMillis(200))) {
            ProcessHandle postmaster = Postmaster.running(server.dataDirectory()).orElseThrow();
            Runtime.getRuntime().exec(new String[] {"kill", "-KILL", Long.toString(postmaster.pid())}).waitFor();
            await().atMost(Duration.ofSeconds(60)).until(() -> !postmaster.isAlive());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> countKept() == 1000);
            assertThat(Postmaster.running(server.dataDirectory()).orElseThrow().pid()).isNotEqualTo(postmaster.pid());
        }
    }

    @Test
    void aServerLeftRunningByACrashedAppIsStoppedAndTheDirectoryStartsAgain() throws Exception {
        server = started();
        long leftover = Postmaster.running(server.dataDirectory()).orElseThrow().pid();
        releaseWithoutStopping(server);
        server = started();
        assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive)).isEmpty();
        try (Connection connection = server.connect("postgres")) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aDirectoryMadeWithoutPasswordGetsOne() throws Exception {
        server = started();
        server.close();
        Path data = folder.resolve("postgres");
        Files.delete(data.resolve(ServerIdentity.FILE));
        Files.writeString(data.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        server = started();
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
                .isInstanceOf(SQLException.class);
        try (Connection connection = server.connect("postgres")) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
        }
    }

    private EmbeddedPostgresServer started() {
        return TestServers.started(folder.resolve("postgres"), new BackupFolder(folder.resolve("backups")));
    }

    /** What a killed app leaves: its server still running, the directory's lock released by the system. */
    private static void releaseWithoutStopping(EmbeddedPostgresServer server) throws Exception {
        var lock = EmbeddedPostgresServer.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((DataDirectoryLock) lock.get(server)).close();
        lock.set(server, null);
        var postmaster = EmbeddedPostgresServer.class.getDeclaredField("postmaster");
        postmaster.setAccessible(true);
        postmaster.set(server, null);
    }

    private int countKept() {
        try (Connection connection = server.connect("balcao"); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT count(*) FROM kept")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
