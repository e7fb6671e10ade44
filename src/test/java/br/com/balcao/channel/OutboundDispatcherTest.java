package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.com.balcao.channel.SendResult.Accepted;
import br.com.balcao.channel.SendResult.PermanentFailure;
import br.com.balcao.channel.SendResult.RetryableFailure;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.OutboundMessage;
import br.com.balcao.tickets.TicketEvents.MessageQueued;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox dispatcher against a scripted WhatsApp: sends, retries with backoff, gives up, and never sends
 * one message twice. Scheduled sweeps are kept out of the way; each test sweeps when it means to.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "balcao.whatsapp.outbound.enabled=true",
        "balcao.whatsapp.outbound.sweep-interval=1h",
        "balcao.whatsapp.outbound.sweep-initial-delay=1h",
        "balcao.whatsapp.outbound.max-attempts=3"
})
@Import(OutboundDispatcherTest.ScriptedGatewayConfiguration.class)
class OutboundDispatcherTest {

    private static final String WINDOW_CLOSED = "(#131047) Re-engagement message";

    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedGatewayConfiguration {

        @Bean
        @Primary
        ScriptedGateway scriptedGateway() {
            return new ScriptedGateway();
        }
    }

    @Autowired OutboundDispatcher dispatcher;
    @Autowired ScriptedGateway gateway;
    @Autowired TestClock clock;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    private long numberId;
    private long contactId;

    @BeforeEach
    void numberAndContact() {
        numberId = data.number("Outbound");
        contactId = data.contact(numberId, "Ana");
    }

    @Test
    void theSweepSendsAPendingMessageOnceAndMarksItSent() {
        long id = pendingText("Seu pedido saiu para entrega.");

        dispatcher.sweep();

        assertThat(gateway.callsFor(id)).singleElement().satisfies(call -> {
            assertThat(call.phoneNumberId()).isEqualTo(phoneNumberId());
            OutboundMessage message = call.message();
            assertThat(message.recipientWaId()).isEqualTo(waId());
            assertThat(message.type()).isEqualTo(MessageType.TEXT);
            assertThat(message.text()).isEqualTo("Seu pedido saiu para entrega.");
            assertThat(message.attempt()).isEqualTo(1);
        });
        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "SENT").containsEntry("wamid", "wamid.test." + id)
                .containsEntry("send_attempts", 1).containsEntry("next_attempt_at", null)
                .containsEntry("sent_at", Timestamp.from(clock.instant()));

        dispatcher.sweep();
        dispatcher.sendNow(id);
        assertThat(gateway.callsFor(id)).hasSize(1);
    }

    @Test
    void aTemplateReachesTheGatewayWithItsParameters() {
        long id = jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, template_name,
                                      template_language, template_params, status, next_attempt_at, created_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEMPLATE', 'order_update', 'pt_BR', '["Ana", "#1042"]'::jsonb,
                        'PENDING', ?, ?) RETURNING id
                """, Long.class, numberId, contactId, now(), now());

        dispatcher.sweep();

        assertThat(gateway.callsFor(id)).singleElement().satisfies(call -> {
            assertThat(call.message().templateName()).isEqualTo("order_update");
            assertThat(call.message().templateLanguage()).isEqualTo("pt_BR");
            assertThat(call.message().templateParameters()).containsExactly("Ana", "#1042");
        });
        assertThat(row(id)).containsEntry("status", "SENT");
    }

    @Test
    void aPassingFailureIsRetriedAfterTheBackoff() {
        long id = pendingText("Oi");
        gateway.script(id, new RetryableFailure("HTTP 503: Service temporarily unavailable"), new Accepted("wamid.ok"));
        Instant failedAt = clock.instant();

        dispatcher.sweep();

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "PENDING").containsEntry("send_attempts", 1)
                .containsEntry("error_message", "HTTP 503: Service temporarily unavailable");
        assertThat(((Timestamp) row.get("next_attempt_at")).toInstant())
                .isBetween(failedAt.plus(RetryBackoff.ceiling(1).dividedBy(2)), failedAt.plus(RetryBackoff.ceiling(1)));

        dispatcher.sweep();
        assertThat(gateway.callsFor(id)).as("not due before the backoff ends").hasSize(1);

        clock.advance(RetryBackoff.ceiling(1));
        dispatcher.sweep();

        assertThat(gateway.callsFor(id)).hasSize(2);
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("wamid", "wamid.ok")
                .containsEntry("send_attempts", 2).containsEntry("error_message", null);
    }

    @Test
    void aMessageThatKeepsFailingIsFailedAfterTheLastAttempt() {
        long id = pendingText("Oi");
        gateway.script(id, new RetryableFailure("HTTP 503: Service temporarily unavailable"));

        for (int sweep = 0; sweep < 6; sweep++) {
            dispatcher.sweep();
            clock.advance(RetryBackoff.CAP);
        }

        assertThat(gateway.callsFor(id)).hasSize(3);
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("send_attempts", 3)
                .containsEntry("error_code", null)
                .containsEntry("error_message", "HTTP 503: Service temporarily unavailable")
                .containsEntry("next_attempt_at", null);
    }

    @Test
    void aPairRateLimitIsRetriedAndKeepsMetasCodeWhenTheAttemptsRunOut() {
        long id = pendingText("Oi");
        String pairLimit = "HTTP 400: (#131056) (Business Account, Consumer Account) pair rate limit hit";
        gateway.script(id, new RetryableFailure(131056, pairLimit));

        for (int sweep = 0; sweep < 6; sweep++) {
            dispatcher.sweep();
            clock.advance(RetryBackoff.CAP);
        }

        assertThat(gateway.callsFor(id)).hasSize(3);
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("error_code", 131056)
                .containsEntry("error_message", pairLimit);
    }

    @Test
    void metaRefusingTheTokenIsRecordedForTheNumberUntilASendSucceeds() {
        long refused = pendingText("Oi");
        gateway.script(refused, new PermanentFailure(190, "Error validating access token: Session has expired"));

        dispatcher.sweep();

        assertThat(jdbc.queryForMap("""
                SELECT token_rejected_at, token_rejected_message FROM channel_health WHERE number_id = ?
                """, numberId)).containsEntry("token_rejected_at", now())
                .containsEntry("token_rejected_message", "Error validating access token: Session has expired");

        long accepted = pendingText("Oi de novo");
        dispatcher.sendNow(accepted);

        assertThat(row(accepted)).containsEntry("status", "SENT");
        assertThat(jdbc.queryForObject("SELECT token_rejected_at FROM channel_health WHERE number_id = ?",
                Timestamp.class, numberId)).isNull();
    }

    @Test
    void aClosedServiceWindowFailsAtOnceWithMetasError() {
        long id = pendingText("Ainda precisa de ajuda?");
        gateway.script(id, new PermanentFailure(131047, WINDOW_CLOSED));

        dispatcher.sweep();
        clock.advance(RetryBackoff.CAP);
        dispatcher.sweep();

        assertThat(gateway.callsFor(id)).hasSize(1);
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("error_code", 131047)
                .containsEntry("error_message", WINDOW_CLOSED).containsEntry("wamid", null);
    }

    @Test
    void theImmediateSendAndTheSweepRacingSendTheMessageOnce() {
        long id = pendingText("Oi");
        var barrier = new CyclicBarrier(4);
        List<Runnable> racers = List.of(() -> dispatcher.sendNow(id), () -> dispatcher.sendNow(id),
                dispatcher::sweep, dispatcher::sweep);

        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Runnable racer : racers) {
            running.add(CompletableFuture.runAsync(() -> {
                arrive(barrier);
                racer.run();
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();

        assertThat(gateway.callsFor(id)).hasSize(1);
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("send_attempts", 1);
    }

    @Test
    void aQueuedMessageIsSentRightAfterItsTransactionCommits() {
        long id = transactions.execute(status -> {
            long stored = pendingText("Olá!");
            events.publishEvent(new MessageQueued(numberId, contactId, stored, null));
            assertThat(gateway.callsFor(stored)).as("nothing leaves before the commit").isEmpty();
            return stored;
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(row(id)).containsEntry("status", "SENT"));
        assertThat(gateway.callsFor(id)).hasSize(1);
    }

    private long pendingText(String body) {
        return jdbc.queryForObject("""
                INSERT INTO messages (number_id, contact_id, direction, author_type, type, body, status,
                                      next_attempt_at, created_at)
                VALUES (?, ?, 'OUTBOUND', 'SYSTEM', 'TEXT', ?, 'PENDING', ?, ?) RETURNING id
                """, Long.class, numberId, contactId, body, now(), now());
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("""
                SELECT status, wamid, error_code, error_message, send_attempts, next_attempt_at, sent_at
                  FROM messages WHERE id = ?
                """, id);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private String phoneNumberId() {
        return jdbc.queryForObject("SELECT phone_number_id FROM business_numbers WHERE id = ?", String.class, numberId);
    }

    private String waId() {
        return jdbc.queryForObject("SELECT wa_id FROM contacts WHERE id = ?", String.class, contactId);
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
