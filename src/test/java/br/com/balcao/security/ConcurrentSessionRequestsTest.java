package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A browser opening several tabs (or a page and its live connection) right after signing in sends requests on a
 * fresh session at once, each adding the same attributes (the CSRF token first): none may fail on the session
 * table's primary key. The soak of issue 10 found them answered 500.
 */
@IntegrationTest
class ConcurrentSessionRequestsTest {

    private static final int REQUESTS = 8;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void concurrentFirstRequestsOfASessionAllSucceed() throws Exception {
        String email = data.email("agent");
        data.member(data.user("AGENT", email), data.openNumber("Loja Concorrente"));
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int round = 0; round < 3; round++) {
                assertThat(statusesOfConcurrentFirstRequests(email, pool)).as("round %d", round)
                        .containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Integer> statusesOfConcurrentFirstRequests(String email, ExecutorService pool) throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf())
                        .param("username", email).param("password", TestData.PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Callable<Integer> request = () -> {
                start.await();
                return mvc.perform(get("/desk").cookie(session)).andReturn().getResponse().getStatus();
            };
            answers.add(pool.submit(request));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }
}
