package br.com.balcao.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a user's sessions (Spring Session JDBC, found by principal name) and, with them, their live streams. */
@Component
class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SessionStreams streams;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions, SessionStreams streams) {
        this.sessions = sessions;
        this.streams = streams;
    }

    void endAll(String email) {
        end(email, Set.of());
    }

    /** All but the session of the request asking: a user who changes their own password stays signed in there. */
    void endAllButCurrent(String email) {
        end(email, CurrentSession.id().map(Set::of).orElse(Set.of()));
    }

    private void end(String email, Set<String> kept) {
        Set<String> ended = new HashSet<>(sessions.findByPrincipalName(email).keySet());
        ended.removeAll(kept);
        ended.forEach(sessions::deleteById);
        streams.closeAfterCommit(ended);
    }
}
