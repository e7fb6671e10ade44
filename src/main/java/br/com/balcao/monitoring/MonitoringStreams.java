package br.com.balcao.monitoring;

import br.com.balcao.live.LiveEvents;
import br.com.balcao.security.AgentStatusChanged;
import br.com.balcao.security.SessionStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards' server-sent event streams. A stream says "refresh" when something happened on one of its
 * numbers, at most once per {@code balcao.monitoring.min-interval} (a burst of events gives one refresh at
 * once and one at the end of the interval), and every {@code balcao.monitoring.tick} anyway: waiting times
 * grow by themselves, and agents' status changes on other app instances are not announced here.
 */
@Service
class MonitoringStreams {

    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private final LiveEvents events;
    private final SessionStreams sessionStreams;
    private final TaskScheduler scheduler;
    private final Duration minInterval;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    MonitoringStreams(LiveEvents events, SessionStreams sessionStreams, TaskScheduler scheduler,
                      MonitoringProperties properties) {
        this.events = events;
        this.sessionStreams = sessionStreams;
        this.scheduler = scheduler;
        this.minInterval = properties.minInterval();
    }

    SseEmitter open(MonitoringScope scope) throws IOException {
        Stream stream = new Stream(new SseEmitter(TIMEOUT_MILLIS));
        AutoCloseable subscription = events.subscribe(event -> {
            if (scope.includes(event.numberId())) {
                stream.changed();
            }
        });
        Runnable release = () -> {
            open.remove(stream);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the subscription holds nothing else to release
            }
        };
        stream.emitter.onCompletion(release);
        stream.emitter.onTimeout(release);
        stream.emitter.onError(error -> release.run());
        open.add(stream);
        sessionStreams.bindToCurrentSession(stream.emitter);
        stream.emitter.send(SseEmitter.event().name("ready").data("ok"));
        return stream.emitter;
    }

    @Scheduled(fixedRateString = "${balcao.monitoring.tick:15s}", initialDelayString = "${balcao.monitoring.tick:15s}")
    void tick() {
        open.forEach(Stream::changed);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAgentStatusChanged(AgentStatusChanged event) {
        open.forEach(Stream::changed);
    }

    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        open.forEach(stream -> stream.emitter.complete());
        open.clear();
    }

    /** One browser's stream with its throttle, timed by the elapsed real time (not the business clock). */
    private final class Stream {

        private final SseEmitter emitter;
        private long lastSentNanos;
        private boolean sentOnce;
        private boolean pending;

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }

        synchronized void changed() {
            if (pending) {
                return;
            }
            long waitNanos = sentOnce ? minInterval.toNanos() - (System.nanoTime() - lastSentNanos) : 0;
            if (waitNanos <= 0) {
                send();
            } else {
                pending = true;
                scheduler.schedule(this::sendPending, scheduler.getClock().instant().plusNanos(waitNanos));
            }
        }

        private synchronized void sendPending() {
            pending = false;
            send();
        }

        private void send() {
            lastSentNanos = System.nanoTime();
            sentOnce = true;
            try {
                emitter.send(SseEmitter.event().name("refresh").data("figures changed"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }
}
