package br.com.balcao.tickets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Counts of tickets, computed by the database. */
@Service
public class TicketStatistics {

    private final JdbcTemplate jdbc;

    private static final String UNCLOSED_BY_NUMBER = """
            SELECT number_id,
                   count(*) FILTER (WHERE %s) AS waiting,
                   count(*) FILTER (WHERE %s) AS assigned,
                   count(*) FILTER (WHERE %s) AS open
              FROM tickets
             WHERE %s AND number_id = ANY (?)
             GROUP BY number_id
            """.formatted(TicketStatus.WAITING.sqlCondition("status"), TicketStatus.ASSIGNED.sqlCondition("status"),
            TicketStatus.OPEN.sqlCondition("status"), TicketStatus.sqlUnclosed("status"));

    TicketStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Unclosed tickets per number, for the given numbers; a number with none is absent from the map. */
    public Map<Long, QueueCounts> unclosedByNumber(Collection<Long> numberIds) {
        Map<Long, QueueCounts> counts = new HashMap<>();
        if (numberIds.isEmpty()) {
            return counts;
        }
        jdbc.query(UNCLOSED_BY_NUMBER,
                row -> {
                    counts.put(row.getLong("number_id"),
                            new QueueCounts(row.getLong("waiting"), row.getLong("assigned"), row.getLong("open")));
                },
                (Object) numberIds.toArray(Long[]::new));
        return counts;
    }
}
