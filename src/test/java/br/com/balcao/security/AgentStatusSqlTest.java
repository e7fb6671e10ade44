package br.com.balcao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status values other modules compare and order by in SQL, as the check constraint on app_users spells them. */
class AgentStatusSqlTest {

    @Test
    void aStatusIsAConstantOfTheStatement() {
        assertThat(AgentStatus.ONLINE.sqlCondition("u.status")).isEqualTo("u.status = 'ONLINE'");
    }

    @Test
    void theOrderIsTheDeclaredOneOnlineFirst() {
        assertThat(AgentStatus.sqlOrder("a.status"))
                .isEqualTo("array_position(ARRAY['ONLINE', 'BREAK', 'INVISIBLE', 'OFFLINE']::varchar[], a.status)");
    }
}
