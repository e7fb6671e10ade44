package br.com.balcao.shared.database.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's own embedded server (passwords, archive on) can be given a streaming replica: its authentication rules
 * allow replication from this machine, and a base backup as its backups take it becomes a standby that follows it.
 */
class StreamingReplicaTest {

    @TempDir
    Path folder;

    @Test
    void aReplicaOfTheEmbeddedServerFollowsItsCommitsAndRefusesWrites() throws Exception {
        try (EmbeddedPostgresServer primary = TestServers.started(folder.resolve("postgres"),
                new BackupFolder(folder.resolve("backups")))) {
            TestServers.execute(primary, "CREATE TABLE notes (text varchar(20))", "INSERT INTO notes VALUES ('before')");
            int port = URI.create(primary.jdbcUrl("postgres").substring("jdbc:".length())).getPort();
            try (StreamingReplica replica = StreamingReplica.of(port, EmbeddedPostgresServer.USER, primary.password(),
                    folder.resolve("replica"))) {
                TestServers.execute(primary, "INSERT INTO notes VALUES ('after')");
                replica.awaitCaughtUp(Duration.ofSeconds(60));

                try (Connection connection = DriverManager.getConnection(replica.jdbcUrl("postgres"),
                        EmbeddedPostgresServer.USER, primary.password());
                     Statement statement = connection.createStatement()) {
                    assertThat(single(statement, "SELECT pg_is_in_recovery()")).isEqualTo("t");
                    assertThat(single(statement, "SELECT string_agg(text, ',' ORDER BY text) FROM notes"))
                            .isEqualTo("after,before");
                    assertThatThrownBy(() -> statement.execute("INSERT INTO notes VALUES ('refused')"))
                            .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
                }
            }
            assertThat(Files.exists(folder.resolve("replica"))).isFalse();
            assertThat(TestServers.queryLong(primary, "SELECT count(*) FROM pg_replication_slots")).isZero();
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
