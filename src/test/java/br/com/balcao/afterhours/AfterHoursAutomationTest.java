package br.com.balcao.afterhours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.afterhours.AfterHoursAutomation.Outcome;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestClock;
import br.com.balcao.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

// The replies must stay as the automation stored them: PENDING in the outbox, not yet taken by the sender.
@IntegrationTest
class AfterHoursAutomationTest {

    /** Friday 20 November 2026, 22:00 in São Paulo. */
    static final Instant FRIDAY_NIGHT = Instant.parse("2026-11-21T01:00:00Z");
    static final Instant SATURDAY_OPENING = Instant.parse("2026-11-21T11:00:00Z");
    /** Saturday 21 November 2026, 12:30 in São Paulo, after the half day. */
    static final Instant SATURDAY_AFTERNOON = Instant.parse("2026-11-21T15:30:00Z");
    static final Instant MONDAY_OPENING = Instant.parse("2026-11-23T11:00:00Z");
    static final String MESSAGE = "Olá! Nosso horário é de segunda a sexta, das 8h às 18h, e sábado até o meio-dia.";

    @Autowired
    AfterHoursAutomation automation;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    long numberId;
    long contactId;
    String phone;

    @Test
    void afterHoursWithTheReturnOptionRepliesOnceWithTheNextOpeningAndTheOffer() {
        shop(true);

        assertThat(message("Boa noite, vocês entregam?", FRIDAY_NIGHT)).isEqualTo(Outcome.AFTER_HOURS);

        Map<String, Object> record = jdbc.queryForMap("SELECT * FROM after_hours_contacts WHERE contact_id = ?",
                contactId);
        assertThat(record).containsEntry("number_id", numberId).containsEntry("contact_name", "Maria Conceição")
                .containsEntry("phone", phone).containsEntry("return_requested", "NO")
                .containsEntry("first_contact_at", Timestamp.from(FRIDAY_NIGHT))
                .containsEntry("next_opening_at", Timestamp.from(SATURDAY_OPENING));
        assertThat(replies("AFTER_HOURS")).singleElement().isEqualTo(MESSAGE + "\n\n"
                + "Voltamos a atender sábado, 21/11, às 08:00.\n\n"
                + "Responda 1 se quiser que a gente entre em contato assim que voltarmos a atender.");
        assertQueuedOutsideAnyTicket();
    }

    @Test
    void afterHoursWithoutTheReturnOptionRepliesWithTheNextOpeningOnly() {
        shop(false);

        assertThat(message("Oi", FRIDAY_NIGHT)).isEqualTo(Outcome.AFTER_HOURS);

        assertThat(jdbc.queryForList("SELECT return_requested FROM after_hours_contacts WHERE contact_id = ?",
                String.class, contactId)).containsExactly("UNKNOWN");
        assertThat(replies("AFTER_HOURS")).singleElement()
                .isEqualTo(MESSAGE + "\n\nVoltamos a atender sábado, 21/11, às 08:00.");
        assertQueuedOutsideAnyTicket();
    }

    @Test
    void aSecondMessageInTheSameClosedPeriodGetsNoSecondReply() {
        shop(true);
        message("Oi", FRIDAY_NIGHT);

        assertThat(message("Alguém aí?", FRIDAY_NIGHT.plusSeconds(3600))).isEqualTo(Outcome.AFTER_HOURS);

        assertThat(records()).isEqualTo(1);
        assertThat(replies("AFTER_HOURS")).hasSize(1);
    }

    @Test
    void aMessageInTheNextClosedPeriodIsANewEpisode() {
        shop(false);
        message("Oi", FRIDAY_NIGHT);

        assertThat(message("Oi de novo", SATURDAY_AFTERNOON)).isEqualTo(Outcome.AFTER_HOURS);

        assertThat(jdbc.queryForList("""
                SELECT next_opening_at FROM after_hours_contacts WHERE contact_id = ? ORDER BY next_opening_at
                """, Timestamp.class, contactId))
                .containsExactly(Timestamp.from(SATURDAY_OPENING), Timestamp.from(MONDAY_OPENING));
        assertThat(replies("AFTER_HOURS")).hasSize(2)
                .last().asString().contains("Voltamos a atender segunda-feira, 23/11, às 08:00.");
    }

    @Test
    void replyingOneWithTheOptionOnRequestsTheReturnOnceAndConfirmsOnce() {
        shop(true);
        message("Oi", FRIDAY_NIGHT);

        assertThat(message(" 1 ", FRIDAY_NIGHT.plusSeconds(60))).isEqualTo(Outcome.AFTER_HOURS);
        message("1", FRIDAY_NIGHT.plusSeconds(120));

        assertThat(jdbc.queryForList("SELECT return_requested FROM after_hours_contacts WHERE contact_id = ?",
                String.class, contactId)).containsExactly("YES");
        assertThat(replies("RETURN_REQUESTED")).singleElement().asString().startsWith("Combinado!");
        assertThat(replies("AFTER_HOURS")).hasSize(1);
    }

    @Test
    void replyingOneWithTheOptionOffIsJustAnotherMessage() {
        shop(false);
        message("Oi", FRIDAY_NIGHT);

        assertThat(message("1", FRIDAY_NIGHT.plusSeconds(60))).isEqualTo(Outcome.AFTER_HOURS);

        assertThat(jdbc.queryForList("SELECT return_requested FROM after_hours_contacts WHERE contact_id = ?",
                String.class, contactId)).containsExactly("UNKNOWN");
        assertThat(replies("RETURN_REQUESTED")).isEmpty();
        assertThat(replies("AFTER_HOURS")).hasSize(1);
    }

    @Test
    void oneAsTheFirstMessageOfAnEpisodeOnlyGetsTheAfterHoursReply() {
        shop(true);

        message("1", FRIDAY_NIGHT);

        assertThat(jdbc.queryForList("SELECT return_requested FROM after_hours_contacts WHERE contact_id = ?",
                String.class, contactId)).containsExactly("NO");
        assertThat(replies("AFTER_HOURS")).hasSize(1);
        assertThat(replies("RETURN_REQUESTED")).isEmpty();
    }

    @Test
    void insideServiceHoursNothingHappens() {
        shop(true);

        // Monday 16 November 2026, 10:00 in São Paulo.
        assertThat(message("Bom dia", Instant.parse("2026-11-16T13:00:00Z"))).isEqualTo(Outcome.IN_SERVICE_HOURS);

        assertThat(records()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE contact_id = ?", Long.class, contactId))
                .isZero();
    }

    @Test
    void concurrentMessagesOfOneEpisodeGetOneRecordAndOneReply() throws Exception {
        shop(true);
        clock.set(FRIDAY_NIGHT);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 10; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return automation.handle(numberId, contactId, "Maria Conceição", phone, "Oi", FRIDAY_NIGHT);
                }));
            }
            start.countDown();
            for (Future<Outcome> outcome : outcomes) {
                assertThat(outcome.get()).isEqualTo(Outcome.AFTER_HOURS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(records()).isEqualTo(1);
        assertThat(replies("AFTER_HOURS")).hasSize(1);
    }

    /** The automation's "once per episode" rests on the table's unique key, not on its own check. */
    @Test
    void theTableRefusesASecondRecordOfOneEpisode() {
        shop(true);
        message("Oi", FRIDAY_NIGHT);

        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO after_hours_contacts (number_id, contact_id, contact_name, phone, first_contact_at,
                                                  next_opening_at, return_requested)
                VALUES (?, ?, 'Maria', ?, ?, ?, 'YES')
                """, numberId, contactId, phone, Timestamp.from(FRIDAY_NIGHT.plusSeconds(60)),
                Timestamp.from(SATURDAY_OPENING))).isInstanceOf(DataIntegrityViolationException.class);
    }

    /** A São Paulo shop open on weekdays 08–12 and 13–18 and on Saturday 08–12, with one customer. */
    private void shop(boolean notifyNextOpening) {
        numberId = data.number("Padaria");
        jdbc.update("UPDATE business_numbers SET after_hours_message = ?, notify_next_opening = ? WHERE id = ?",
                MESSAGE, notifyNextOpening, numberId);
        for (int day = 1; day <= 5; day++) {
            hours(day, "08:00", "12:00");
            hours(day, "13:00", "18:00");
        }
        hours(6, "08:00", "12:00");
        contactId = data.contact(numberId, "Maria Conceição");
        phone = jdbc.queryForObject("SELECT phone_e164 FROM contacts WHERE id = ?", String.class, contactId);
    }

    private void hours(int isoDay, String opens, String closes) {
        jdbc.update("""
                INSERT INTO service_hours (number_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?::time, ?::time)
                """, numberId, isoDay, opens, closes);
    }

    private Outcome message(String text, Instant at) {
        clock.set(at);
        return automation.handle(numberId, contactId, "Maria Conceição", phone, text, at);
    }

    private long records() {
        return jdbc.queryForObject("SELECT count(*) FROM after_hours_contacts WHERE contact_id = ?", Long.class,
                contactId);
    }

    private List<String> replies(String automationName) {
        return jdbc.queryForList("SELECT body FROM messages WHERE contact_id = ? AND automation = ? ORDER BY id",
                String.class, contactId, automationName);
    }

    private void assertQueuedOutsideAnyTicket() {
        assertThat(jdbc.queryForList("""
                SELECT direction, author_type, status, type, ticket_id FROM messages WHERE contact_id = ?
                """, contactId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("direction", "OUTBOUND").containsEntry("author_type", "AUTOMATION")
                .containsEntry("status", "PENDING").containsEntry("type", "TEXT").containsEntry("ticket_id", null));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tickets WHERE contact_id = ?", Long.class, contactId))
                .isZero();
    }
}
