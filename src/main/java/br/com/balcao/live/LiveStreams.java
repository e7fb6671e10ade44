package br.com.balcao.live;

import br.com.balcao.security.SessionStreams;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent event streams for pages: each stream sends a "changed" event (its data: the live event as
 * JSON) whenever a live event passes the page's filter. Streams end when the browser leaves, after half an hour
 * (the browser reconnects by itself), when the session that opened them ends ({@link SessionStreams}), or when
 * the app shuts down, so that shutdown never waits for them.
 */
@Service
public class LiveStreams {

    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final LiveEvents events;
    private final SessionStreams sessionStreams;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final JsonMapper json = JsonMapper.builder().build();

    LiveStreams(LiveEvents events, SessionStreams sessionStreams) {
        this.events = events;
        this.sessionStreams = sessionStreams;
    }

    public SseEmitter open(Predicate<LiveEvent> filter) throws IOException {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        AutoCloseable subscription = events.subscribe(event -> {
            if (filter.test(event)) {
                send(emitter, "changed", json.writeValueAsString(event));
            }
        });
        Runnable release = () -> {
            open.remove(emitter);
            closeQuietly(subscription);
        };
        emitter.onCompletion(release);
        emitter.onTimeout(release);
        emitter.onError(error -> release.run());
        open.add(emitter);
        sessionStreams.bindToCurrentSession(emitter);
        send(emitter, "ready", "ok");
        return emitter;
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    private static void send(SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException e) {
            throw new IllegalStateException("the browser went away", e);
        }
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // the subscription holds nothing else to release
        }
    }
}
