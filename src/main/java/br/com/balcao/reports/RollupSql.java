package br.com.balcao.reports;

import br.com.balcao.tickets.CloseReason;

/**
 * How the tickets become roll-up rows: one statement per roll-up table, over a CTE {@code spans} (number_id,
 * time_zone, span_start, span_end) that says which instants of which numbers to read. The job writes their rows
 * into the roll-up tables; a report reads the days not rolled up yet straight from the same statements, so
 * both paths count alike by construction.
 *
 * <p>Every event counts on the local day (and hour) of its own timestamp in its number's zone: a ticket is
 * created on its {@code created_at}'s day, closed on its {@code closed_at}'s day, first answered on its
 * {@code first_response_at}'s day; a reply on the reply's day. A day's figures never change once it is over.
 *
 * <p>Two details keep a busy day's live part fast (docs/benchmarks.md, "Reports"): the bucket's logarithm is taken
 * in double precision (on {@code numeric} it was half of the durations' statement), and the close branches say
 * {@code closed_at IS NOT NULL}, without which the partial index on closed tickets cannot be used. The replies are
 * read span by span ({@code LATERAL ... OFFSET 0}, which the planner may not flatten into a join), so that each span
 * opens only its months of the partitioned {@code messages}, whatever join the planner would choose: joined to the
 * spans, a plan read every month (docs/benchmarks.md, "Reports").
 */
final class RollupSql {

    /** Buckets are 10 % wide: bucket b holds durations s with 1.1^b <= 1 + s < 1.1^(b+1). */
    static final double BUCKET_RATIO = 1.1;

    static final String COUNT_COLUMNS =
            "number_id, day, hour, agent_id, created, attendant, client, client_inactivity, transferred, lost, abandoned, "
            + "surveyed, good, ok, bad";

    static final String DURATION_COLUMNS = "number_id, day, agent_id, measure, bucket, tickets, seconds";

    static final String TAG_COLUMNS = "number_id, day, tag_id, tickets";

    /**
     * Ticket creations and closes per local hour and agent (the ticket's agent at the time of reading); with the
     * closes, the satisfaction surveys sent at them and their answers (an answer counts on its ticket's close).
     */
    static final String COUNTS = """
            SELECT e.number_id, (e.at AT TIME ZONE e.time_zone)::date AS day,
                   extract(hour FROM e.at AT TIME ZONE e.time_zone)::smallint AS hour, e.agent_id,
                   count(*) FILTER (WHERE e.reason IS NULL)::int AS created,
                   count(*) FILTER (WHERE %s)::int AS attendant,
                   count(*) FILTER (WHERE %s)::int AS client,
                   count(*) FILTER (WHERE %s)::int AS client_inactivity,
                   count(*) FILTER (WHERE %s)::int AS transferred,
                   count(*) FILTER (WHERE %s)::int AS lost,
                   count(*) FILTER (WHERE %s)::int AS abandoned,
                   count(e.survey_sent_at)::int AS surveyed,
                   count(*) FILTER (WHERE e.satisfaction = 'GOOD')::int AS good,
                   count(*) FILTER (WHERE e.satisfaction = 'OK')::int AS ok,
                   count(*) FILTER (WHERE e.satisfaction = 'BAD')::int AS bad
              FROM (SELECT t.number_id, s.time_zone, t.created_at AS at, t.agent_id, NULL::varchar AS reason,
                           NULL::timestamptz AS survey_sent_at, NULL::varchar AS satisfaction
                      FROM spans s
                      JOIN tickets t ON t.number_id = s.number_id
                                    AND t.created_at >= s.span_start AND t.created_at < s.span_end
                    UNION ALL
                    SELECT t.number_id, s.time_zone, t.closed_at, t.agent_id, t.close_reason, t.survey_sent_at,
                           t.satisfaction
                      FROM spans s
                      JOIN tickets t ON t.number_id = s.number_id
                                    AND t.closed_at >= s.span_start AND t.closed_at < s.span_end
                     WHERE t.closed_at IS NOT NULL) e
             GROUP BY 1, 2, 3, 4
            """.formatted(CloseReason.ATTENDANT.sqlCondition("e.reason"), CloseReason.CLIENT.sqlCondition("e.reason"),
            CloseReason.CLIENT_INACTIVITY.sqlCondition("e.reason"), CloseReason.TRANSFERRED.sqlCondition("e.reason"),
            CloseReason.LOST.sqlCondition("e.reason"), CloseReason.ABANDONED.sqlCondition("e.reason"));

    /**
     * The three durations of docs/metrics.md, counted and summed per bucket: F first response (first_response_at −
     * assigned_at, not for active-message tickets), S service (closed_at − first_response_at), R response (a
     * reply's created_at − customer_waiting_since, the replying agent's).
     */
    static final String DURATIONS = """
            SELECT e.number_id, (e.at AT TIME ZONE e.time_zone)::date AS day, e.agent_id, e.measure,
                   floor(ln(1 + greatest(e.seconds, 0)::float8) / ln(%s))::smallint AS bucket,
                   count(*)::int AS tickets, sum(greatest(e.seconds, 0)) AS seconds
              FROM (SELECT t.number_id, s.time_zone, t.first_response_at AS at, t.agent_id, 'F' AS measure,
                           extract(epoch FROM t.first_response_at - t.assigned_at) AS seconds
                      FROM spans s
                      JOIN tickets t ON t.number_id = s.number_id
                                    AND t.first_response_at >= s.span_start AND t.first_response_at < s.span_end
                     WHERE NOT t.opened_by_active_message
                    UNION ALL
                    SELECT t.number_id, s.time_zone, t.closed_at, t.agent_id, 'S',
                           extract(epoch FROM t.closed_at - t.first_response_at)
                      FROM spans s
                      JOIN tickets t ON t.number_id = s.number_id
                                    AND t.closed_at >= s.span_start AND t.closed_at < s.span_end
                     WHERE t.first_response_at IS NOT NULL AND t.closed_at IS NOT NULL
                    UNION ALL
                    SELECT m.number_id, s.time_zone, m.created_at, m.author_user_id, 'R',
                           extract(epoch FROM m.created_at - m.customer_waiting_since)
                      FROM spans s
                     CROSS JOIN LATERAL (SELECT m.number_id, m.created_at, m.author_user_id, m.customer_waiting_since
                                           FROM messages m
                                          WHERE m.number_id = s.number_id AND m.customer_waiting_since IS NOT NULL
                                            AND m.created_at >= s.span_start AND m.created_at < s.span_end
                                         OFFSET 0) m) e
             GROUP BY 1, 2, 3, 4, 5
            """.formatted(BUCKET_RATIO);

    /** The tickets closed per local day with each tag (tags are chosen when a ticket closes). */
    static final String TAGS = """
            SELECT t.number_id, (t.closed_at AT TIME ZONE s.time_zone)::date AS day, tt.tag_id, count(*)::int AS tickets
              FROM spans s
              JOIN tickets t ON t.number_id = s.number_id AND t.closed_at >= s.span_start AND t.closed_at < s.span_end
              JOIN ticket_tags tt ON tt.ticket_id = t.id
             WHERE t.closed_at IS NOT NULL
             GROUP BY 1, 2, 3
            """;

    /** The spans of whole local days :from to :to (inclusive) of the numbers :ids. */
    static final String DAY_SPANS = """
            WITH spans AS MATERIALIZED (
                SELECT n.id AS number_id, n.time_zone,
                       CAST(:from AS date)::timestamp AT TIME ZONE n.time_zone AS span_start,
                       (CAST(:to AS date) + 1)::timestamp AT TIME ZONE n.time_zone AS span_end
                  FROM business_numbers n
                 WHERE n.id IN (:ids)
            )
            """;

    /**
     * For a report of :from to :to: each number's first day that is not rolled up ({@code live_from}); from it to
     * :to the figures come from the tickets, before it from the roll-ups.
     */
    static final String LIVE_SPANS = """
            WITH spans AS MATERIALIZED (
                SELECT n.id AS number_id, n.time_zone, live.day AS live_from,
                       live.day::timestamp AT TIME ZONE n.time_zone AS span_start,
                       (CAST(:to AS date) + 1)::timestamp AT TIME ZONE n.time_zone AS span_end
                  FROM business_numbers n
                 CROSS JOIN LATERAL (
                       SELECT coalesce(min(d)::date, CAST(:to AS date) + 1) AS day
                         FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d
                        WHERE NOT EXISTS (SELECT 1 FROM report_rolled_days r
                                           WHERE r.number_id = n.id AND r.day = d::date)) live
                 WHERE n.id IN (:ids)
            )
            """;

    private RollupSql() {
    }

    /** The upper edge of a bucket in whole seconds: what a percentile read from the buckets reports. */
    static long upperEdgeSeconds(int bucket) {
        return (long) Math.ceil(Math.pow(BUCKET_RATIO, bucket + 1) - 1);
    }
}
