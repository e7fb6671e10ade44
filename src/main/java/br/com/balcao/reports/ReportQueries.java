package br.com.balcao.reports;

import br.com.balcao.reports.Report.AgentRow;
import br.com.balcao.reports.Report.Counts;
import br.com.balcao.reports.Report.Figures;
import br.com.balcao.reports.Report.PeriodRow;
import br.com.balcao.reports.Report.TagRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A report in three statements whatever the period: counts, durations and tags, each reading the roll-ups of
 * the rolled-up days and the tickets of the others (normally today only), then grouping by period, by agent and
 * by hour of the week at once (GROUPING SETS).
 */
@Component
record ReportQueries(NamedParameterJdbcTemplate jdbc) {

    private static final String COUNTS = RollupSql.LIVE_SPANS + ", live AS (" + RollupSql.COUNTS + """
            ), all_rows AS (
                SELECT r.number_id, r.day, r.hour, r.agent_id, r.created, r.attendant, r.client, r.client_inactivity,
                       r.transferred, r.lost, r.abandoned, r.surveyed, r.good, r.ok, r.bad
                  FROM spans s
                  JOIN report_counts r ON r.number_id = s.number_id AND r.day >= CAST(:from AS date) AND r.day < s.live_from
                UNION ALL
                SELECT * FROM live
            )
            SELECT CASE WHEN GROUPING(period) = 0 THEN 'P' WHEN GROUPING(agent_id) = 0 THEN 'A'
                        WHEN GROUPING(dow) = 0 THEN 'H' ELSE 'T' END AS kind,
                   period, agent_id, dow, hour,
                   sum(created) AS created, sum(attendant) AS attendant, sum(client) AS client,
                   sum(client_inactivity) AS client_inactivity, sum(transferred) AS transferred, sum(lost) AS lost,
                   sum(abandoned) AS abandoned, sum(surveyed) AS surveyed, sum(good) AS good, sum(ok) AS ok,
                   sum(bad) AS bad
              FROM (SELECT date_trunc(:unit, day::timestamp)::date AS period, extract(isodow FROM day)::int AS dow,
                           hour, agent_id, created, attendant, client, client_inactivity, transferred, lost, abandoned,
                           surveyed, good, ok, bad
                      FROM all_rows) x
             GROUP BY GROUPING SETS ((period), (agent_id), (dow, hour), ())
            """;

    private static final String DURATIONS = RollupSql.LIVE_SPANS + ", live AS (" + RollupSql.DURATIONS + """
            ), all_rows AS (
                SELECT r.number_id, r.day, r.agent_id, r.measure::text AS measure, r.bucket, r.tickets, r.seconds
                  FROM spans s
                  JOIN report_durations r ON r.number_id = s.number_id AND r.day >= CAST(:from AS date) AND r.day < s.live_from
                UNION ALL
                SELECT * FROM live
            )
            SELECT CASE WHEN GROUPING(period) = 0 THEN 'P' WHEN GROUPING(agent_id) = 0 THEN 'A' ELSE 'T' END AS kind,
                   period, agent_id, measure, bucket, sum(tickets) AS tickets, sum(seconds) AS seconds
              FROM (SELECT date_trunc(:unit, day::timestamp)::date AS period, agent_id, measure, bucket, tickets, seconds
                      FROM all_rows) x
             GROUP BY GROUPING SETS ((period, measure, bucket), (agent_id, measure, bucket), (measure, bucket))
            """;

    private static final String TAGS = RollupSql.LIVE_SPANS + ", live AS (" + RollupSql.TAGS + """
            ), all_rows AS (
                SELECT r.number_id, r.day, r.tag_id, r.tickets
                  FROM spans s
                  JOIN report_tags r ON r.number_id = s.number_id AND r.day >= CAST(:from AS date) AND r.day < s.live_from
                UNION ALL
                SELECT * FROM live
            )
            SELECT g.name, g.color, sum(a.tickets) AS tickets
              FROM all_rows a
              JOIN tags g ON g.id = a.tag_id
             GROUP BY g.id, g.name, g.color
             ORDER BY 3 DESC, 1
            """;

    Report report(List<Long> numberIds, ReportPeriod period) {
        if (numberIds.isEmpty()) {
            return assemble(period, new Totals(), Map.of(), List.of());
        }
        Map<String, Object> parameters = Map.of("ids", numberIds, "from", period.from(), "to", period.to(),
                "unit", period.grouping().sqlUnit());
        Totals totals = new Totals();
        jdbc.query(COUNTS, parameters, row -> {
            totals.counts(row);
        });
        jdbc.query(DURATIONS, parameters, row -> {
            totals.durations(row);
        });
        List<TagRow> tags = jdbc.query(TAGS, parameters,
                (row, i) -> new TagRow(row.getString("name"), row.getString("color"), row.getLong("tickets")));
        return assemble(period, totals, agentNames(totals.agents.keySet()), tags);
    }

    private Map<Long, String> agentNames(Set<Long> ids) {
        List<Long> known = ids.stream().filter(Objects::nonNull).toList();
        Map<Long, String> names = new HashMap<>();
        if (!known.isEmpty()) {
            jdbc.query("SELECT id, name FROM app_users WHERE id IN (:ids)", Map.of("ids", known),
                    row -> {
                        names.put(row.getLong("id"), row.getString("name"));
                    });
        }
        return names;
    }

    private static Report assemble(ReportPeriod period, Totals totals, Map<Long, String> names, List<TagRow> tags) {
        List<PeriodRow> periods = period.groupStarts().stream()
                .map(start -> new PeriodRow(start, totals.periods.getOrDefault(start, new Partial()).figures()))
                .toList();
        List<AgentRow> agents = new ArrayList<>();
        totals.agents.forEach((id, partial) -> agents.add(new AgentRow(id, id == null ? null : names.get(id),
                partial.figures())));
        agents.sort(Comparator.comparing((AgentRow row) -> row.name() == null)
                .thenComparing(row -> row.name() == null ? "" : row.name().toLowerCase()));
        return new Report(period, periods, totals.total.figures(), agents, tags, totals.heat);
    }

    /** A group's counts and its three histograms while the rows come in. */
    private static final class Partial {

        private Counts counts = Counts.NONE;
        private Report.Answers answers = Report.Answers.NONE;
        private final Map<String, Histogram> durations = new HashMap<>();

        void durations(ResultSet row) throws SQLException {
            durations.computeIfAbsent(row.getString("measure"), measure -> new Histogram())
                    .add(row.getInt("bucket"), row.getLong("tickets"), row.getBigDecimal("seconds"));
        }

        Figures figures() {
            return new Figures(counts, times("F"), times("R"), times("S"), answers);
        }

        private Report.Times times(String measure) {
            Histogram histogram = durations.get(measure);
            return histogram == null ? Report.Times.NONE : histogram.times();
        }
    }

    private static final class Totals {

        private final Map<LocalDate, Partial> periods = new HashMap<>();
        private final Map<Long, Partial> agents = new HashMap<>();
        private final Partial total = new Partial();
        private final long[][] heat = new long[7][24];

        void counts(ResultSet row) throws SQLException {
            Counts counts = new Counts(row.getLong("created"), row.getLong("attendant"), row.getLong("client"),
                    row.getLong("client_inactivity"), row.getLong("transferred"), row.getLong("lost"),
                    row.getLong("abandoned"));
            String kind = row.getString("kind");
            if (kind.equals("H")) {
                heat[row.getInt("dow") - 1][row.getInt("hour")] = counts.created();
                return;
            }
            Partial partial = switch (kind) {
                case "P" -> partial(row);
                case "A" -> agent(row);
                default -> total;
            };
            partial.counts = counts;
            partial.answers = new Report.Answers(row.getLong("surveyed"), row.getLong("good"), row.getLong("ok"),
                    row.getLong("bad"));
        }

        void durations(ResultSet row) throws SQLException {
            switch (row.getString("kind")) {
                case "P" -> partial(row).durations(row);
                case "A" -> agent(row).durations(row);
                default -> total.durations(row);
            }
        }

        private Partial partial(ResultSet row) throws SQLException {
            return periods.computeIfAbsent(row.getObject("period", LocalDate.class), start -> new Partial());
        }

        private Partial agent(ResultSet row) throws SQLException {
            long id = row.getLong("agent_id");
            return agents.computeIfAbsent(row.wasNull() ? null : id, key -> new Partial());
        }
    }
}
