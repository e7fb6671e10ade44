package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.textMessage;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.HelpdeskApplication;
import br.com.balcao.support.EmbeddedServerFolder;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the app, as a power cut of the JVM alone: its embedded PostgreSQL goes on running on the
 * data directory. The next start on the same directory stops that server, starts its own, and is serving within a
 * minute with every message it had answered 200.
 */
class AppCrashRestartTest {

    private static final String SECRET = "restart-secret";
    private static final String PHONE_NUMBER_ID = "777000111";
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

    @TempDir Path folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> apps = new ArrayList<>();

    @AfterEach
    void stopApps() throws InterruptedException {
        for (Process app : apps) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void aKilledAppLeavesItsServerRunningAndTheNextStartIsHealthyWithNothingLost() throws Exception {
        int port = freePort();
        Process first = start(port);
        awaitHealthy(first, port);
        addNumber();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String wamid = "wamid.restart." + i;
            assertThat(postWebhook(port, wamid)).isEqualTo(200);
            acknowledged.add(wamid);
        }
        long server = postmasterPid();

        first.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).as("the server outlives the app").contains(true);

        long restartedAt = System.nanoTime();
        Process second = start(port);
        awaitHealthy(second, port);
        assertThat(Duration.ofNanos(System.nanoTime() - restartedAt)).isLessThan(HEALTHY_WITHIN);
        assertThat(storedOnce(acknowledged)).isEqualTo(acknowledged.size());
        assertThat(postWebhook(port, "wamid.restart.after")).isEqualTo(200);
    }

    private Process start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                HelpdeskApplication.class.getName(),
                "--server.port=" + port,
                "--balcao.embedded-database.data-directory=" + folder.resolve("postgres"),
                "--balcao.embedded-database.backup.folder=" + folder.resolve("backups"),
                "--balcao.embedded-database.binaries-directory=" + EmbeddedServerFolder.BINARIES,
                "--balcao.demo.auto-activate=false",
                "--balcao.whatsapp.app-secret=" + SECRET,
                "--balcao.whatsapp.outbound.enabled=false",
                "--spring.main.banner-mode=off");
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("app-" + apps.size() + ".log").toFile()).start();
        apps.add(app);
        return app;
    }

    private void awaitHealthy(Process app, int port) throws Exception {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the app is running (see its log: %s)", log(app)).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not healthy within " + HEALTHY_WITHIN + "; its log: " + log(app));
    }

    private String log(Process app) throws IOException {
        String text = Files.readString(folder.resolve("app-" + apps.indexOf(app) + ".log"));
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private int postWebhook(int port, String wamid) throws Exception {
        byte[] body = textMessage(PHONE_NUMBER_ID, wamid, "5511988880000");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void addNumber() throws SQLException, IOException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO business_numbers (name, display_phone, phone_number_id, time_zone, always_open)
                VALUES ('Loja', '+55 11 3000-0000', ?, 'America/Sao_Paulo', true)
                """)) {
            insert.setString(1, PHONE_NUMBER_ID);
            insert.executeUpdate();
        }
    }

    private int storedOnce(List<String> wamids) throws SQLException, IOException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM messages WHERE wamid = ANY (?) GROUP BY wamid HAVING count(*) = 1")) {
            query.setArray(1, connection.createArrayOf("text", wamids.toArray()));
            int once = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    once++;
                }
            }
            return once;
        }
    }

    /** The app's server, with the port and password it keeps in the data directory. */
    private Connection connect() throws SQLException, IOException {
        Properties identity = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve("postgres").resolve("balcao-server.properties"))) {
            identity.load(reader);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + identity.getProperty("port") + "/balcao",
                "postgres", identity.getProperty("password"));
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(folder.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
