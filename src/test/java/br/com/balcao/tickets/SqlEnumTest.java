package br.com.balcao.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The SQL other modules take from the tickets' enums names the same constants as the schema. */
class SqlEnumTest {

    private static final Path DATA_MODEL = Path.of("src", "main", "resources", "db", "migration", "V1__data_model.sql");

    @Test
    void thePendingConditionIsThatOfTheTransferRequestsPartialIndexes() throws IOException {
        assertThat(Files.readString(DATA_MODEL))
                .contains("transfer_requests_one_pending ON transfer_requests (ticket_id) WHERE "
                        + TransferStatus.PENDING.sqlCondition("status") + ";")
                .contains("transfer_requests_pending_for_agent ON transfer_requests (current_agent_id) WHERE "
                        + TransferStatus.PENDING.sqlCondition("status") + ";");
    }

    @Test
    void aConditionNamesTheColumnItIsGivenAndTheValueAsAConstant() {
        assertThat(Direction.INBOUND.sqlCondition("m.direction")).isEqualTo("m.direction = 'INBOUND'");
        assertThat(AuthorType.AGENT.sqlCondition("m.author_type")).isEqualTo("m.author_type = 'AGENT'");
        assertThat(CloseReason.ABANDONED.sqlOtherThan("close_reason")).isEqualTo("close_reason <> 'ABANDONED'");
    }

    @Test
    void closedWithoutTheCustomerLeavingUnansweredIsEveryReasonButLostAndAbandoned() {
        assertThat(CloseReason.sqlNotLeftUnanswered("close_reason"))
                .isEqualTo("close_reason IN ('ATTENDANT', 'CLIENT', 'CLIENT_INACTIVITY', 'TRANSFERRED')");
    }
}
