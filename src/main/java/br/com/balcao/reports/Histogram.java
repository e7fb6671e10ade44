package br.com.balcao.reports;

import br.com.balcao.reports.Report.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.TreeMap;

/**
 * Durations counted per bucket (see {@link RollupSql#BUCKET_RATIO}): the average is exact (sum / count, rounded
 * to the second); the 90th percentile is the upper edge of the bucket holding the 90th percentile duration, so
 * it is never below the exact value and at most 10 % (plus one second) above it.
 */
final class Histogram {

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long count;
    private BigDecimal seconds = BigDecimal.ZERO;

    void add(int bucket, long tickets, BigDecimal sum) {
        counts.merge(bucket, tickets, Long::sum);
        count += tickets;
        seconds = seconds.add(sum);
    }

    Times times() {
        if (count == 0) {
            return Times.NONE;
        }
        long average = seconds.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValue();
        return new Times(count, Duration.ofSeconds(average), Duration.ofSeconds(percentile(0.9)));
    }

    /** The rank ceil(p × n) (nearest-rank method) found in the cumulative bucket counts. */
    private long percentile(double p) {
        long rank = (long) Math.ceil(p * count);
        long seen = 0;
        for (var bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return RollupSql.upperEdgeSeconds(bucket.getKey());
            }
        }
        return RollupSql.upperEdgeSeconds(counts.lastKey());
    }
}
