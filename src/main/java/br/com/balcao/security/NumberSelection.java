package br.com.balcao.security;

import br.com.balcao.numbers.NumberView;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The number chosen in the header selector, kept in the session. Every page works on it; when the user
 * has not chosen yet (or lost access to the one chosen), the first number they may see is used.
 */
@Service
public class NumberSelection {

    static final String SESSION_KEY = "balcao.selectedNumberId";

    private final AccessPolicy access;

    NumberSelection(AccessPolicy access) {
        this.access = access;
    }

    public Optional<NumberView> current(HttpSession session) {
        return current(session, access.visibleNumbers());
    }

    /** The same, when the caller already has the numbers the user may see. */
    public Optional<NumberView> current(HttpSession session, List<NumberView> visible) {
        Object chosen = session.getAttribute(SESSION_KEY);
        return visible.stream()
                .filter(number -> chosen instanceof Long id && number.id() == id)
                .findFirst()
                .or(() -> visible.stream().findFirst());
    }

    /** Chooses a number; one the user may not see answers 404 and leaves the choice as it was. */
    public NumberView choose(long numberId, HttpSession session) {
        NumberView number = access.requireVisible(numberId);
        session.setAttribute(SESSION_KEY, number.id());
        return number;
    }
}
