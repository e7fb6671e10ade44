package br.com.balcao.shared.database.embedded;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded server again when it dies while the app runs. PostgreSQL's crash recovery replays the WAL,
 * so every committed transaction is there again; meanwhile the pool's connections fail, webhooks are answered 503
 * (Meta delivers them again) and the pages show their error, and all of them work again without a restart.
 */
public final class ServerWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final EmbeddedPostgresServer server;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private Duration pause;
    private volatile boolean closed;

    public ServerWatchdog(EmbeddedPostgresServer server, Duration interval) {
        this.server = server;
        this.interval = interval;
        this.pause = interval;
        executor.schedule(this::check, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (closed) {
            return;
        }
        if (!server.isRunning()) {
            restart();
        }
        if (!closed) {
            executor.schedule(this::check, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart() {
        log.error("The embedded PostgreSQL in {} is not running; starting it again", server.dataDirectory());
        try {
            synchronized (server) {
                if (!closed && !server.isRunning()) {
                    server.start();
                }
            }
            log.info("The embedded PostgreSQL is running again");
            pause = interval;
        } catch (RuntimeException e) {
            // Backends of the dead server may hold its shared memory for a moment: try again, waiting longer.
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            log.error("Could not start the embedded PostgreSQL again; next try in {} s", pause.toSeconds(), e);
        }
    }

    /** Stops watching; the server is then stopped without being started again. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
