package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.channel.InboundBatches.Waiting;
import br.com.balcao.channel.InboundPipeline.Arrival;
import br.com.balcao.numbers.NumberSnapshot;
import br.com.balcao.numbers.NumberSnapshots;
import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Messages of several webhooks in one transaction end as each would have alone. */
@IntegrationTest
class InboundBatchesTest {

    @Autowired
    InboundBatches batches;

    @Autowired
    NumberSnapshots snapshots;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private long number;
    private NumberSnapshot snapshot;
    private final String ana = TestData.waId();
    private final String bia = TestData.waId();
    private final String run = "wamid.batch" + TestData.unique() + ".";

    @BeforeEach
    void number() {
        number = data.openNumber("Lotes");
        snapshot = snapshots.byId(number);
    }

    @Test
    void aNewCustomersMessagesInOneBatchGoToOneTicketAndEachCustomerHasItsOwn() {
        List<CompletableFuture<Void>> outcomes = storeAsOneBatch(List.of(
                arrival("b1", ana, "oi"), arrival("b2", bia, "bom dia"), arrival("b3", ana, "tem pix?")));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isCompleted().isNotCompletedExceptionally());
        assertThat(transactionsThatWroteTheMessages()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messages WHERE number_id = ? AND ticket_id IS NOT NULL")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM tickets WHERE number_id = ? AND status = 'WAITING'")).isEqualTo(2);
        assertThat(jdbc.queryForList("""
                SELECT m.body FROM messages m JOIN contacts c ON c.id = m.contact_id
                 WHERE m.number_id = ? AND c.wa_id = ? ORDER BY m.id""", String.class, number, ana))
                .containsExactly("oi", "tem pix?");
    }

    @Test
    void theExitKeywordRightAfterANewCustomersFirstMessageClosesTheTicketItOpened() {
        storeAsOneBatch(List.of(arrival("e1", ana, "oi"), arrival("e2", ana, "sair")));

        assertThat(transactionsThatWroteTheMessages()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT close_reason FROM tickets WHERE number_id = ?", String.class, number))
                .isEqualTo("LOST");
    }

    @Test
    void aMessageTwiceInABatchIsStoredOnceAndBothDeliveriesSucceed() {
        List<CompletableFuture<Void>> outcomes = storeAsOneBatch(List.of(
                arrival("d1", ana, "oi"), arrival("d1", ana, "oi"), arrival("d2", bia, "olá")));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isNotCompletedExceptionally());
        assertThat(count("SELECT count(*) FROM messages WHERE number_id = ?")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM tickets WHERE number_id = ?")).isEqualTo(2);
    }

    @Test
    void theAbsenceReplyGoesOnceToACustomerWhoseMessagesShareABatch() {
        jdbc.update("""
                INSERT INTO absences (number_id, active, message, started_at)
                VALUES (?, true, 'Hoje estamos em treinamento.', now())
                """, number);
        NumberSnapshot withAbsence = snapshots.byId(number);

        storeAsOneBatch(List.of(new Arrival(withAbsence, text("a1", ana, "oi")),
                new Arrival(withAbsence, text("a2", ana, "alguém?"))));

        assertThat(count("SELECT count(*) FROM messages WHERE number_id = ? AND automation = 'ABSENCE'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tickets WHERE number_id = ?")).isEqualTo(1);
    }

    @Test
    void aMessageThatCannotBeStoredFailsAloneAndTheRestOfItsBatchIsStored() {
        List<CompletableFuture<Void>> outcomes = storeAsOneBatch(List.of(
                arrival("f1", ana, "oi"), arrival("f2", "not-a-phone", "?"), arrival("f3", bia, "olá")));

        assertThat(outcomes.get(0)).isNotCompletedExceptionally();
        assertThat(outcomes.get(1)).isCompletedExceptionally();
        assertThat(outcomes.get(2)).isNotCompletedExceptionally();
        assertThat(jdbc.queryForList("SELECT wamid FROM messages WHERE number_id = ? ORDER BY wamid", String.class, number))
                .containsExactly(run + "f1", run + "f3");
    }

    /** Stores the messages as one batch, as a worker does: each one's outcome, in the order given. */
    private List<CompletableFuture<Void>> storeAsOneBatch(List<Arrival> arrivals) {
        List<Waiting> batch = arrivals.stream().map(Waiting::new).toList();
        batches.store(new ArrayList<>(batch));
        return batch.stream().map(Waiting::stored).toList();
    }

    private Arrival arrival(String wamid, String waId, String text) {
        return new Arrival(snapshot, text(wamid, waId, text));
    }

    private InboundMessage text(String wamid, String waId, String text) {
        return InboundMessage.text(run + wamid, waId, "Cliente", clock.instant(), text);
    }

    /** PostgreSQL's id of the transaction that wrote each row: one for a batch stored together. */
    private long transactionsThatWroteTheMessages() {
        return count("SELECT count(DISTINCT xmin::text) FROM messages WHERE number_id = ?");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, number);
    }
}
