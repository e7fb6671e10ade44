package br.com.balcao.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the notification channel with a connection of its own and hands every event to this
 * instance's subscribers, whichever instance committed it. Reconnects after a database outage.
 */
@Component
class LiveEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventListener.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final LiveEvents events;
    private final JsonMapper json = JsonMapper.builder().build();
    /**
     * The thread that listens now. A stopped context may be started again (the test framework pauses cached
     * contexts) before the previous thread has seen the stop: each thread works only while it is this one.
     */
    private volatile Thread listener;

    LiveEventListener(DataSource dataSource, LiveEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "live-events");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private boolean current() {
        return listener == Thread.currentThread();
    }

    private void listen() {
        while (current()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + LiveEventNotifier.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (current()) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null && current()) {
                        for (PGNotification notification : notifications) {
                            events.deliver(json.readValue(notification.getParameter(), LiveEvent.class));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (current()) {
                    log.warn("Live events: lost the database connection, retrying in 2 s ({})", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
