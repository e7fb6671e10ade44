package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The SQL conditions other modules take from {@link TicketStatus} are the conditions of the tickets' partial
 * indexes, so that a statement written with them can still be answered from those indexes.
 */
class TicketStatusSqlTest {

    private static final Path DATA_MODEL = Path.of("src", "main", "resources", "db", "migration", "V1__data_model.sql");

    @Test
    void theConditionsAreThoseOfThePartialIndexes() throws IOException {
        String model = Files.readString(DATA_MODEL);
        assertThat(model)
                .contains("tickets_queue ON tickets (number_id, created_at, id) WHERE "
                        + TicketStatus.WAITING.sqlCondition("status") + ";")
                .contains("tickets_unclosed_by_number ON tickets (number_id, status) WHERE "
                        + TicketStatus.sqlUnclosed("status") + ";")
                .contains("tickets_one_unclosed_per_contact ON tickets (contact_id) WHERE "
                        + TicketStatus.sqlUnclosed("status") + ";")
                .contains("tickets_active_by_agent ON tickets (agent_id) WHERE "
                        + TicketStatus.sqlWithAgent("status") + ";");
    }

    @Test
    void aConditionNamesTheColumnItIsGiven() {
        assertThat(TicketStatus.OPEN.sqlCondition("t.status")).isEqualTo("t.status = 'OPEN'");
        assertThat(TicketStatus.sqlUnclosed("t.status")).isEqualTo("t.status <> 'CLOSED'");
        assertThat(TicketStatus.sqlWithAgent("t.status")).isEqualTo("t.status IN ('ASSIGNED', 'OPEN')");
    }
}
