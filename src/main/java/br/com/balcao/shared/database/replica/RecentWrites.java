package br.com.balcao.shared.database.replica;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Read-your-writes. A committed read-write transaction marks its web request: the rest of the request (a form's
 * answer) reads from the primary. Before the response goes (a redirect included) the mark is copied into the
 * signed-in user's session with the commit's time, and the session's requests within the window after it (the
 * redirect's GET, the next page) are marked as they start. The session is Spring Session's table, so this holds on
 * every instance. The session is only read and written here, at the request's edges, never while a connection is
 * being chosen. Real time, not the app's clock: it is measured against replication. A request without a session
 * (a webhook) gets none made for it. Only the transactions of the handler count: Spring Session's own, which load
 * and save the session around it (read-write, unnamed), would otherwise mark every signed-in request.
 */
class RecentWrites implements TransactionExecutionListener, HandlerInterceptor {

    /** In the session: when its last write committed. */
    static final String LAST_WRITE = RecentWrites.class.getName() + ".lastWrite";
    /** In the request: it reads from the primary. */
    private static final String READS_PRIMARY = RecentWrites.class.getName() + ".readsPrimary";
    /** In the request: its handler runs (set once the session's own loading is done). */
    private static final String HANDLING = RecentWrites.class.getName() + ".handling";
    /** In the request: when it wrote. */
    private static final String WROTE = RecentWrites.class.getName() + ".wrote";

    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    RecentWrites(ReplicaProperties properties) {
        this.window = properties.readYourWritesWindow();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LAST_WRITE) instanceof Instant last
                && last.plus(window).isAfter(clock.instant())) {
            request.setAttribute(READS_PRIMARY, Boolean.TRUE);
        }
        request.setAttribute(HANDLING, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable failure) {
        if (failure == null && !transaction.isReadOnly()
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(HANDLING) != null) {
            attributes.getRequest().setAttribute(WROTE, clock.instant());
            attributes.getRequest().setAttribute(READS_PRIMARY, Boolean.TRUE);
        }
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        HttpSession session = request.getSession(false);
        if (session != null && request.getAttribute(WROTE) instanceof Instant wrote) {
            session.setAttribute(LAST_WRITE, wrote);
        }
    }

    /** Whether this thread's request wrote, or its session did within the window. */
    boolean wroteRecently() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(READS_PRIMARY) != null;
    }
}
