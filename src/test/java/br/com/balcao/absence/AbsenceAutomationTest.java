package br.com.balcao.absence;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

// The replies must stay as the automation stored them: PENDING in the outbox, not yet taken by the sender.
@IntegrationTest
class AbsenceAutomationTest {

    static final String MESSAGE = "Hoje a equipe está em treinamento e volta amanhã.";

    @Autowired
    AbsenceAutomation automation;

    @Autowired
    AbsenceSettings settings;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    long numberId;
    long contactId;
    long managerId;
    long carlaId;
    Instant start;

    @BeforeEach
    void numberWithACustomerAndTwoUsers() {
        start = TestClock.START;
        clock.set(start);
        numberId = data.number("Farmácia");
        contactId = data.contact(numberId, "João Araújo");
        managerId = data.user("MANAGER", data.email("gerente"));
        carlaId = data.user("AGENT", data.email("carla"));
        data.member(carlaId, numberId);
    }

    @Test
    void activeAbsenceRepliesWithTheMessageAndTheSuggestedAgent() {
        absence(true);

        message(start);

        assertThat(replies()).singleElement().asString()
                .contains(MESSAGE).contains("Carla Souza").contains("+55 11 98888-7777");
        assertThat(jdbc.queryForMap("SELECT direction, author_type, status, ticket_id FROM messages WHERE contact_id = ?",
                contactId)).containsEntry("direction", "OUTBOUND").containsEntry("author_type", "AUTOMATION")
                .containsEntry("status", "PENDING").containsEntry("ticket_id", null);
    }

    @Test
    void repliesAtMostOncePerContactPer24Hours() {
        absence(true);
        message(start);

        message(start.plus(Duration.ofHours(2)));
        assertThat(replies()).hasSize(1);

        message(start.plus(Duration.ofHours(25)));
        assertThat(replies()).hasSize(2);
    }

    @Test
    void inactiveOrNeverConfiguredAbsenceSendsNothing() {
        message(start);
        absence(false);
        message(start.plusSeconds(60));

        assertThat(replies()).isEmpty();
    }

    @Test
    void tenConcurrentMessagesOfOneContactGetOneReply() throws Exception {
        absence(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 10; i++) {
                calls.add(threads.submit(() -> {
                    go.await();
                    automation.handle(numberId, contactId, start);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(replies()).hasSize(1);
    }

    @Test
    void settingsShowTheActiveAbsenceAndItsReplyNamesTheSuggestedAgent() {
        assertThat(settings.active(numberId)).isEmpty();
        absence(false);
        assertThat(settings.active(numberId)).isEmpty();

        absence(true);
        message(start);

        assertThat(settings.active(numberId)).hasValueSatisfying(view -> {
            assertThat(view.message()).isEqualTo(MESSAGE);
            assertThat(view.suggestedUserId()).isEqualTo(carlaId);
            assertThat(view.startedAt()).isEqualTo(start);
            assertThat(view.startedById()).isEqualTo(managerId);
        });
        assertThat(replies()).singleElement().isEqualTo(MESSAGE + "\n\n"
                + "Se preferir, fale com Carla Souza pelo número +55 11 98888-7777.");
    }

    private void absence(boolean active) {
        jdbc.update("""
                INSERT INTO absences (number_id, active, message, suggested_user_id, suggested_name, suggested_phone,
                                      started_at, started_by_id)
                VALUES (?, ?, ?, ?, 'Carla Souza', '+55 11 98888-7777', ?, ?)
                ON CONFLICT (number_id) DO UPDATE SET active = excluded.active
                """, numberId, active, MESSAGE, carlaId, Timestamp.from(start), managerId);
    }

    private void message(Instant at) {
        clock.set(at);
        automation.handle(numberId, contactId, at);
    }

    private List<String> replies() {
        return jdbc.queryForList("SELECT body FROM messages WHERE contact_id = ? AND automation = 'ABSENCE' ORDER BY id",
                String.class, contactId);
    }
}
