package br.com.balcao.shared.database.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.TransactionExecution;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Which commits make a request, and its session's next requests, read from the primary. */
class RecentWritesTest {

    private final RecentWrites writes = new RecentWrites(new ReplicaProperties(Duration.ofSeconds(5), Duration.ofSeconds(1)));
    private final MockHttpSession session = new MockHttpSession();
    private MockHttpServletRequest request;

    @BeforeEach
    void aSignedInRequest() {
        request = startRequest();
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theSessionsOwnTransactionBeforeTheHandlerMarksNothing() {
        writes.afterCommit(readWrite(), null);   // Spring Session loading the session, ahead of the handler
        writes.preHandle(request, new MockHttpServletResponse(), new Object());

        assertThat(writes.wroteRecently()).isFalse();
        writes.postHandle(request, new MockHttpServletResponse(), new Object(), null);
        assertThat(session.getAttribute(RecentWrites.LAST_WRITE)).isNull();
    }

    @Test
    void aWriteOfTheHandlerSendsTheRestOfTheRequestAndTheSessionsNextRequestsToThePrimary() {
        writes.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(writes.wroteRecently()).isFalse();

        writes.afterCommit(readWrite(), null);
        assertThat(writes.wroteRecently()).isTrue();
        writes.postHandle(request, new MockHttpServletResponse(), new Object(), null);

        request = startRequest();   // the redirect's GET
        writes.preHandle(request, new MockHttpServletResponse(), new Object());
        assertThat(writes.wroteRecently()).isTrue();
    }

    @Test
    void readOnlyAndFailedTransactionsMarkNothing() {
        writes.preHandle(request, new MockHttpServletResponse(), new Object());
        TransactionExecution readOnly = readWrite();
        when(readOnly.isReadOnly()).thenReturn(true);

        writes.afterCommit(readOnly, null);
        writes.afterCommit(readWrite(), new IllegalStateException("rolled back"));

        assertThat(writes.wroteRecently()).isFalse();
    }

    private MockHttpServletRequest startRequest() {
        MockHttpServletRequest next = new MockHttpServletRequest();
        next.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(next));
        return next;
    }

    private static TransactionExecution readWrite() {
        return mock(TransactionExecution.class);
    }
}
