package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.InboundMessage;
import br.com.balcao.channel.InboundPipeline;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Customer messages through the whole pipeline: contact, message, automation and ticket. */
@IntegrationTest
class InboundFlowTest {

    @Autowired
    InboundPipeline pipeline;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long number;
    String waId;

    @BeforeEach
    void anOpenNumberWithNoAgentOnline() {
        clock.set(TestClock.START);
        number = data.openNumber("Loja " + TestData.unique());
        waId = TestData.waId();
    }

    @Test
    void aFirstMessageCreatesTheContactAndAWaitingTicket() {
        pipeline.receive(number, InboundMessage.text("wamid.a" + TestData.unique(), waId, "Márcia Simões", now(), "Oi!"));

        assertThat(jdbc.queryForMap("SELECT name, phone_e164, phone_digits FROM contacts WHERE number_id = ? AND wa_id = ?",
                number, waId)).containsEntry("name", "Márcia Simões").containsEntry("phone_e164", "+" + waId)
                .containsEntry("phone_digits", waId);
        assertThat(jdbc.queryForMap("SELECT status, last_customer_message_at FROM tickets WHERE number_id = ?", number))
                .containsEntry("status", "WAITING")
                .containsEntry("last_customer_message_at", Timestamp.from(now()));
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM messages WHERE number_id = ? AND ticket_id IS NOT NULL", Long.class, number))
                .isEqualTo(1);
    }

    @Test
    void laterMessagesJoinTheUnclosedTicket() {
        pipeline.receive(number, InboundMessage.text("wamid.b1-" + TestData.unique(), waId, "Ana", now(), "Oi"));
        clock.advance(Duration.ofMinutes(3));
        pipeline.receive(number, InboundMessage.text("wamid.b2-" + TestData.unique(), waId, "Ana", now(), "Tudo bem?"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_customer_message_at FROM tickets WHERE number_id = ?",
                Timestamp.class, number)).isEqualTo(Timestamp.from(now()));
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT ticket_id) FROM messages WHERE number_id = ?", Long.class,
                number)).isEqualTo(1);
    }

    @Test
    void anEditedNameIsNotOverwrittenByTheProfileName() {
        pipeline.receive(number, InboundMessage.text("wamid.c1-" + TestData.unique(), waId, "Zé", now(), "Oi"));
        jdbc.update("UPDATE contacts SET name = 'José Gonçalves', name_edited = true WHERE wa_id = ?", waId);
        pipeline.receive(number, InboundMessage.text("wamid.c2-" + TestData.unique(), waId, "Zé do Caixa", now(), "Oi"));

        assertThat(jdbc.queryForObject("SELECT name FROM contacts WHERE wa_id = ?", String.class, waId))
                .isEqualTo("José Gonçalves");
    }

    @Test
    void theSameMessageDeliveredTwentyTimesAtOnceIsStoredOnceWithOneTicketAndOneAutomationReply() throws Exception {
        jdbc.update("""
                INSERT INTO absences (number_id, active, message, suggested_name, suggested_phone, started_at)
                VALUES (?, true, 'Estamos com a equipe reduzida hoje.', 'Ana', '+55 11 90000-0000', ?)
                """, number, Timestamp.from(now()));
        InboundMessage message = InboundMessage.text("wamid.same-" + TestData.unique(), waId, "Lúcia", now(), "Olá?");

        runConcurrently(20, () -> {
            pipeline.receive(number, message);
            return null;
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ? AND direction = 'INBOUND'",
                Long.class, number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ? AND automation = 'ABSENCE'",
                Long.class, number)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE number_id = ?", Long.class, number)).isEqualTo(1);
    }

    @Test
    void differentMessagesOfOneContactArrivingTogetherShareOneTicket() throws Exception {
        runConcurrently(10, () -> {
            pipeline.receive(number, InboundMessage.text("wamid.par-" + TestData.unique(), waId, "Iêda", now(), "Oi"));
            return null;
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE number_id = ?", Long.class, number)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number)).isEqualTo(1);
    }

    @Test
    void afterHoursTheCustomerGetsTheReplyAndNoTicketIsCreated() {
        jdbc.update("UPDATE business_numbers SET always_open = false, after_hours_message = 'Estamos fechados.' WHERE id = ?",
                number);
        pipeline.receive(number, InboundMessage.text("wamid.night-" + TestData.unique(), waId, "Cauã", now(), "Oi"));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM after_hours_contacts WHERE number_id = ?", Long.class, number))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body FROM messages WHERE number_id = ? AND automation = 'AFTER_HOURS'",
                String.class, number)).startsWith("Estamos fechados.");
    }

    @Test
    void theExitKeywordClosesTheWaitingTicketAsLostAndOpensNoOther() {
        pipeline.receive(number, InboundMessage.text("wamid.e1-" + TestData.unique(), waId, "Gisele", now(), "Oi"));
        pipeline.receive(number, InboundMessage.text("wamid.e2-" + TestData.unique(), waId, "Gisele", now(), "  SAIR "));

        assertThat(jdbc.queryForMap("SELECT status, close_reason FROM tickets WHERE number_id = ?", number))
                .containsEntry("status", "CLOSED").containsEntry("close_reason", "LOST");

        pipeline.receive(number, InboundMessage.text("wamid.e3-" + TestData.unique(), waId, "Gisele", now(), "sair"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE number_id = ?", Long.class, number)).isEqualTo(1);
    }

    @Test
    void ticketNumbersCountUpOnEachNumberSeparately() {
        long other = data.openNumber("Outra " + TestData.unique());
        for (int i = 0; i < 3; i++) {
            pipeline.receive(number, InboundMessage.text("wamid.n" + TestData.unique(), TestData.waId(), "A", now(), "Oi"));
        }
        pipeline.receive(other, InboundMessage.text("wamid.o" + TestData.unique(), TestData.waId(), "B", now(), "Oi"));

        assertThat(jdbc.queryForList("SELECT ticket_number FROM tickets WHERE number_id = ? ORDER BY id", Long.class, number))
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForList("SELECT ticket_number FROM tickets WHERE number_id = ?", Long.class, other))
                .containsExactly(1L);
    }

    @Test
    void htmlInACustomerMessageIsStoredAsTheCustomerWroteIt() {
        pipeline.receive(number, InboundMessage.text("wamid.h-" + TestData.unique(), waId, "<b>Bold</b>", now(),
                "<script>alert(1)</script>"));

        assertThat(jdbc.queryForObject("SELECT body FROM messages WHERE number_id = ?", String.class, number))
                .isEqualTo("<script>alert(1)</script>");
    }

    private Instant now() {
        return clock.instant();
    }

    static void runConcurrently(int threads, Callable<Void> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var futures = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            for (var future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
