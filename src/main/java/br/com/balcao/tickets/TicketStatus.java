package br.com.balcao.tickets;

/** Where a ticket is in its lifecycle. */
public enum TicketStatus {
    /** In the number's queue, no agent yet. */
    WAITING,
    /** Given to an agent who has not answered yet. */
    ASSIGNED,
    /** The agent has answered: in service. */
    OPEN,
    CLOSED;

    /** An agent serves the ticket: assigned or in service (the rule {@link #sqlWithAgent} writes in SQL). */
    public boolean withAgent() {
        return this == ASSIGNED || this == OPEN;
    }

    /*
     * SQL conditions on a status column (such as "t.status") for the modules that read tickets in SQL, so that the
     * statuses' names and what "unclosed" and "with an agent" mean are written here only. They read as the partial
     * indexes of V1 do (tickets_queue, tickets_active_by_agent, tickets_unclosed_by_number,
     * tickets_one_unclosed_per_contact): a planner matches an index's condition only when the statement's says the
     * same, with the statuses as constants.
     */

    /** The ticket has this status. */
    public String sqlCondition(String column) {
        return column + " = " + sqlLiteral();
    }

    /** The ticket is not closed yet: waiting, assigned or in service. */
    public static String sqlUnclosed(String column) {
        return column + " <> " + CLOSED.sqlLiteral();
    }

    /** The ticket has an agent serving it: assigned or in service. */
    public static String sqlWithAgent(String column) {
        return column + " IN (" + ASSIGNED.sqlLiteral() + ", " + OPEN.sqlLiteral() + ")";
    }

    /** The status as an SQL literal, for the tickets module's statements that set it. */
    String sqlLiteral() {
        return "'" + name() + "'";
    }
}
