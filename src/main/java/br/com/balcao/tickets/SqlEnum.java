package br.com.balcao.tickets;

/**
 * A tickets enum whose values other modules compare in SQL, so that the values' names are written here only.
 * The value is a constant in the statement, as in {@link TicketStatus}: a partial index on it (such as
 * {@code transfer_requests_pending_for_agent}) applies only when the statement names the same constant.
 */
interface SqlEnum {

    String name();

    /** The column (such as "m.direction") has this value. */
    default String sqlCondition(String column) {
        return column + " = " + sqlLiteral();
    }

    /** The column has another value (a null column has none, as with SQL's {@code <>}). */
    default String sqlOtherThan(String column) {
        return column + " <> " + sqlLiteral();
    }

    /** The value as an SQL constant. */
    default String sqlLiteral() {
        return "'" + name() + "'";
    }
}
