package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.addressedTo;
import static br.com.balcao.channel.WebhookFixtures.signature;
import static br.com.balcao.channel.WebhookFixtures.webhookPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Meta retries: the same signed delivery, twenty times at once, through the HTTP endpoint. */
@IntegrationTest
class WebhookReplayTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Repeated: each time a number the snapshots have not seen, so twenty requests load its settings at once,
     * twice the test pool's connections (loading them while holding the version read's connection once
     * deadlocked the pool until its timeout, one run in a few).
     */
    @RepeatedTest(5)
    void twentySimultaneousDeliveriesOfOneMessageGiveOneMessageOneTicketAndOneAutomationReply() throws Exception {
        long number = data.openNumber("Réplicas");
        jdbc.update("""
                INSERT INTO absences (number_id, active, message, suggested_name, suggested_phone, started_at)
                VALUES (?, true, 'Hoje estamos em treinamento.', 'Bruno', '+55 11 95555-0000', now())
                """, number);
        byte[] body = addressedTo("text.json", data.phoneNumberId(number));
        String signature = signature(WebhookControllerTest.SECRET, body);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(webhookPost(body, signature)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM messages WHERE number_id = ? AND direction = 'INBOUND'", number)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tickets WHERE number_id = ?", number)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messages WHERE number_id = ? AND automation = 'ABSENCE'", number)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM contacts WHERE number_id = ?", number)).isEqualTo(1);
    }

    @Test
    void aRepeatedDeliveryStillAnswers200() throws Exception {
        long number = data.openNumber("Repetida");
        byte[] body = addressedTo("text.json", data.phoneNumberId(number));
        String signature = signature(WebhookControllerTest.SECRET, body);
        mvc.perform(webhookPost(body, signature)).andExpect(status().isOk());
        mvc.perform(webhookPost(body, signature)).andExpect(status().isOk());
        assertThat(count("SELECT count(*) FROM messages WHERE number_id = ?", number)).isEqualTo(1);
    }

    private long count(String sql, long number) {
        return jdbc.queryForObject(sql, Long.class, number);
    }
}
