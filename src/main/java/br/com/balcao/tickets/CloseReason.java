package br.com.balcao.tickets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Why a ticket was closed. */
public enum CloseReason implements SqlEnum {
    /** The agent closed it. */
    ATTENDANT,
    /** The customer sent the exit keyword. */
    CLIENT,
    /** The customer stopped answering. */
    CLIENT_INACTIVITY,
    /** Closed to continue as a new ticket with another agent. */
    TRANSFERRED,
    /** Nobody took it from the queue in time. */
    LOST,
    /** The customer left before being served. */
    ABANDONED;

    /**
     * The ticket closed for any reason but the customer leaving before an agent answered, in the queue
     * ({@link #LOST}) or assigned ({@link #ABANDONED}): the dashboard's "closed".
     */
    public static String sqlNotLeftUnanswered(String column) {
        return column + " IN (" + Arrays.stream(values()).filter(reason -> reason != LOST && reason != ABANDONED)
                .map(CloseReason::sqlLiteral).collect(Collectors.joining(", ")) + ")";
    }
}
