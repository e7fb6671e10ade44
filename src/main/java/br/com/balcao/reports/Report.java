package br.com.balcao.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** A report's figures (definitions in docs/metrics.md, "Reports"). */
public record Report(ReportPeriod period, List<PeriodRow> periods, Figures total, List<AgentRow> agents,
                     List<TagRow> tags, long[][] createdByHourOfWeek) {

    /** Tickets created in the period, and closed in it by reason. */
    public record Counts(long created, long attendant, long client, long clientInactivity, long transferred,
                         long lost, long abandoned) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        /** Closed with a reason that means served: ATTENDANT, CLIENT, CLIENT_INACTIVITY or TRANSFERRED. */
        public long closed() {
            return attendant + client + clientInactivity + transferred;
        }
    }

    /** How many durations were measured, their average (to the second) and 90th percentile (from the buckets). */
    public record Times(long count, Duration average, Duration p90) {

        static final Times NONE = new Times(0, null, null);
    }

    public record Figures(Counts counts, Times firstResponse, Times response, Times service, Answers satisfaction) {

        /** Figures without any survey. */
        public Figures(Counts counts, Times firstResponse, Times response, Times service) {
            this(counts, firstResponse, response, service, Answers.NONE);
        }
    }

    /** The satisfaction survey of the tickets closed in the group: how many were sent, and the answers by score. */
    public record Answers(long surveyed, long good, long ok, long bad) {

        static final Answers NONE = new Answers(0, 0, 0, 0);

        public long answered() {
            return good + ok + bad;
        }

        /** Answered / Surveyed in percent, rounded to the unit; null when nothing was surveyed. */
        public Long responseRate() {
            return percent(answered(), surveyed);
        }

        /** The share of the answers in percent, rounded to the unit; null when nothing was answered. */
        public Long share(long answers) {
            return percent(answers, answered());
        }

        private static Long percent(long part, long whole) {
            return whole == 0 ? null : Math.round(100.0 * part / whole);
        }
    }

    public record PeriodRow(LocalDate start, Figures figures) {
    }

    /** An agent's figures; agentId and name are null for the tickets that never had an agent. */
    public record AgentRow(Long agentId, String name, Figures figures) {
    }

    public record TagRow(String name, String color, long tickets) {
    }
}
