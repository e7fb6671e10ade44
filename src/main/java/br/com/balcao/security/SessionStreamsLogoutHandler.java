package br.com.balcao.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * At logout, ends the session and then its live streams (other tabs of the same browser). Spring Security
 * would end the session after this handler; ended first, it is already gone when a closed stream reconnects.
 */
class SessionStreamsLogoutHandler implements LogoutHandler {

    private final SessionStreams streams;

    SessionStreamsLogoutHandler(SessionStreams streams) {
        this.streams = streams;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            String sessionId = session.getId();
            session.invalidate();
            streams.close(List.of(sessionId));
        }
    }
}
