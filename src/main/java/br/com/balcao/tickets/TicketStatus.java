package br.com.balcao.tickets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a ticket is in its lifecycle. */
public enum TicketStatus {
    /** In the number's queue, no agent yet. */
    WAITING,
    /** Given to an agent who has not answered yet. */
    ASSIGNED,
    /** The agent has answered: in service. */
    OPEN,
    CLOSED;

    /** For the engine's SQL: the statuses of a ticket an agent holds, "('ASSIGNED', 'OPEN')". */
    static final String IN_SERVICE_SQL = sqlList(ASSIGNED, OPEN);

    /** For the engine's SQL: the statuses of a ticket nobody has answered yet. */
    static final String UNANSWERED_SQL = sqlList(WAITING, ASSIGNED);

    /** The status as an SQL literal, "'WAITING'": the SQL of the tickets module names statuses only this way. */
    String sql() {
        return "'" + name() + "'";
    }

    boolean inService() {
        return this == ASSIGNED || this == OPEN;
    }

    private static String sqlList(TicketStatus... statuses) {
        return Arrays.stream(statuses).map(TicketStatus::sql).collect(Collectors.joining(", ", "(", ")"));
    }
}
