package br.com.balcao.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The id of the session of the request this thread serves, if it has one (none is created). */
final class CurrentSession {

    private CurrentSession() {
    }

    static Optional<String> id() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getSession(false)).map(HttpSession::getId);
        }
        return Optional.empty();
    }
}
