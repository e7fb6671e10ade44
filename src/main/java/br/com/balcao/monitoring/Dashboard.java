package br.com.balcao.monitoring;

import br.com.balcao.security.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the monitoring page shows, computed at one instant. Durations are null when there is nothing
 * to measure (no ticket in the queue, no first response today...). docs/metrics.md defines each figure.
 */
public record Dashboard(Instant computedAt, Now now, Today today, Agents agents, List<InService> inService,
                 List<Queued> queue, List<TagCount> tags, Hours hours) {

    /** How many rows each detail table shows at most; the cards give the full counts. */
    static final int TABLE_ROWS = 100;

    /** The tickets as they stand right now. */
    public record Now(long waiting, Duration longestWaiting, long inService, long awaitingFirstResponse,
               Duration longestAwaitingFirstResponse) {
    }

    /** The day's figures, each number's "today" in its own time zone. */
    public record Today(long total, long unclosed, long closed, long abandoned, long lost, Duration averageFirstResponse,
                 Duration maximumFirstResponse, Duration averageResponse, Duration averageService) {
    }

    public record Agents(List<AgentRow> rows) {

        public long online() {
            return count(AgentStatus.ONLINE);
        }

        public long onBreak() {
            return count(AgentStatus.BREAK);
        }

        public long invisible() {
            return count(AgentStatus.INVISIBLE);
        }

        private long count(AgentStatus status) {
            return rows.stream().filter(row -> row.status() == status).count();
        }

        /** Active tickets per agent at work (online, on break or invisible); null when nobody is. */
        public Double averageActivePerAgent() {
            List<AgentRow> atWork = rows.stream().filter(row -> row.status() != AgentStatus.OFFLINE).toList();
            return atWork.isEmpty() ? null
                    : atWork.stream().mapToLong(AgentRow::activeTickets).sum() / (double) atWork.size();
        }
    }

    public record AgentRow(long id, String name, AgentStatus status, Instant statusSince, long activeTickets,
                    long closedToday, Duration averageFirstResponseToday) {
    }

    public record InService(long ticketId, long ticketNumber, String numberName, String contactName, String contactPhone,
                     String agentName, Instant since, Duration firstResponse) {
    }

    public record Queued(long ticketId, long ticketNumber, String numberName, long position, String contactName,
                  String contactPhone, Instant since, Duration waiting) {
    }

    public record TagCount(String name, String color, long tickets) {
    }

    /** Tickets created and closed in each hour of the day (0 to 23, each number's local hours). */
    public record Hours(long[] created, long[] closed) {

        /** The counts as the chart's script reads them: "0,3,1,...". */
        public String createdSeries() {
            return series(created);
        }

        public String closedSeries() {
            return series(closed);
        }

        private static String series(long[] counts) {
            return Arrays.stream(counts).mapToObj(String::valueOf).collect(Collectors.joining(","));
        }
    }
}
