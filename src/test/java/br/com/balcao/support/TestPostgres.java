package br.com.balcao.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/** The test suite's PostgreSQL when there is no Docker engine: one embedded server, a database per context. */
public final class TestPostgres {

    private static final boolean DOCKER = detectDocker();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized HikariDataSource newDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (var connection = server().getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.getJdbcUrl("postgres", name));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        // At JVM exit the server stops while cached contexts close; closing must not wait long for it.
        dataSource.setConnectionTimeout(2_000);
        dataSource.setPoolName(name);
        return dataSource;
    }

    /** Whether the tests' databases are Testcontainers' (then {@link #server()} is not theirs). */
    public static boolean dockerAvailable() {
        return DOCKER;
    }

    /** The name of the database {@link #newDatabase()} made last (a replica's URL names the same one). */
    public static String newestDatabase() {
        return "test_" + DATABASES.get();
    }

    /** The embedded server itself, for tests that stop or inspect it. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
            }
        }
        return server;
    }

    private static boolean detectDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static class DockerAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DOCKER;
        }
    }

    static class DockerUnavailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !DOCKER;
        }
    }
}
