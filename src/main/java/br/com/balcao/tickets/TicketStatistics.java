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

    TicketStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Unclosed tickets per number, for the given numbers; a number with none is absent from the map. */
    public Map<Long, QueueCounts> unclosedByNumber(Collection<Long> numberIds) {
        Map<Long, QueueCounts> counts = new HashMap<>();
        if (numberIds.isEmpty()) {
            return counts;
        }
        jdbc.query("""
                SELECT number_id,
                       count(*) FILTER (WHERE status = 'WAITING')  AS waiting,
                       count(*) FILTER (WHERE status = 'ASSIGNED') AS assigned,
                       count(*) FILTER (WHERE status = 'OPEN')     AS open
                  FROM tickets
                 WHERE status <> 'CLOSED' AND number_id = ANY (?)
                 GROUP BY number_id
                """,
                row -> {
                    counts.put(row.getLong("number_id"),
                            new QueueCounts(row.getLong("waiting"), row.getLong("assigned"), row.getLong("open")));
                },
                (Object) numberIds.toArray(Long[]::new));
        return counts;
    }
}
