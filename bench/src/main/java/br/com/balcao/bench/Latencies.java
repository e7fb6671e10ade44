package br.com.balcao.bench;

import java.util.Arrays;
import java.util.List;

/** Microseconds per request, one growing array per client, merged and sorted at the end. */
final class Latencies {

    private long[] micros = new long[1 << 14];
    private int size;

    void add(long value) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = value;
    }

    int size() {
        return size;
    }

    /** All clients' values, sorted. */
    static long[] merged(List<Latencies> all) {
        long[] merged = new long[all.stream().mapToInt(Latencies::size).sum()];
        int at = 0;
        for (Latencies one : all) {
            System.arraycopy(one.micros, 0, merged, at, one.size);
            at += one.size;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** The nearest-rank percentile of sorted values, in milliseconds; NaN when there are none. */
    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }

    static double meanMillis(long[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElse(0) / 1000.0;
    }
}
