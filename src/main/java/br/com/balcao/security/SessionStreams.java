package br.com.balcao.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Ends a page's server-sent event stream when the session that opened it ends: a stream, once open, is never
 * asked for its session again, and would otherwise go on showing a signed-out or disabled user what happens.
 * This instance's logouts and a user's sessions ended here (disabled, password changed) close their streams at
 * once; sessions that expire or are ended by another instance are noticed by a check every
 * {@code balcao.security.session-streams-check} (Spring Session JDBC announces neither).
 */
@Service
public class SessionStreams {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    /** Changed only inside the map's atomic operations, so that a stream bound while its session closes is never lost. */
    private final Map<String, Set<SseEmitter>> bySession = new ConcurrentHashMap<>();

    SessionStreams(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ties the stream to the session of the request opening it (call on that request's thread). */
    public void bindToCurrentSession(SseEmitter emitter) {
        CurrentSession.id().ifPresent(sessionId -> {
            bySession.compute(sessionId, (id, streams) -> {
                Set<SseEmitter> bound = streams == null ? new HashSet<>() : streams;
                bound.add(emitter);
                return bound;
            });
            Runnable unbind = () -> bySession.computeIfPresent(sessionId, (id, streams) -> {
                streams.remove(emitter);
                return streams.isEmpty() ? null : streams;
            });
            emitter.onCompletion(unbind);
            emitter.onTimeout(unbind);
            emitter.onError(error -> unbind.run());
        });
    }

    void close(Collection<String> sessionIds) {
        for (String sessionId : sessionIds) {
            Set<SseEmitter> streams = bySession.remove(sessionId);
            if (streams != null) {
                streams.forEach(SseEmitter::complete);
            }
        }
    }

    /**
     * Closes them once the sessions' deletion is committed: the browser reconnects a closed stream by itself, and
     * must then find its session gone rather than open a new stream on it.
     */
    void closeAfterCommit(Collection<String> sessionIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            close(sessionIds);
            return;
        }
        List<String> ids = List.copyOf(sessionIds);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                close(ids);
            }
        });
    }

    @Scheduled(fixedDelayString = "${balcao.security.session-streams-check:30s}",
            initialDelayString = "${balcao.security.session-streams-check:30s}")
    public void closeStreamsOfEndedSessions() {
        close(bySession.keySet().stream().filter(sessionId -> sessions.findById(sessionId) == null).toList());
    }
}
