package br.com.balcao.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An agent's availability: only ONLINE agents receive new tickets; BREAK and INVISIBLE keep chatting. Other
 * modules that read {@code app_users.status} in SQL take its values from here.
 */
public enum AgentStatus {
    ONLINE,
    BREAK,
    INVISIBLE,
    OFFLINE;

    /** The column (such as "u.status") has this value, written as a constant. */
    public String sqlCondition(String column) {
        return column + " = '" + name() + "'";
    }

    /** An SQL expression that orders by status as declared here: online first, offline last. */
    public static String sqlOrder(String column) {
        return Arrays.stream(values()).map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", ", "array_position(ARRAY[", "]::varchar[], " + column + ")"));
    }
}
