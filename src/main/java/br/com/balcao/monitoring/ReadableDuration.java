package br.com.balcao.monitoring;

import java.time.Duration;

/**
 * Durations as people read them: "45 s", "3 min 20 s", "1 h 05 min", "2 d 03 h". Two units at most, the
 * smaller one cut off (not rounded) and left out when zero; "—" when there is nothing to measure.
 */
final class ReadableDuration {

    static final String NONE = "—";

    private ReadableDuration() {
    }

    static String format(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return twoUnits(seconds / 60, "min", seconds % 60, "s");
        }
        if (seconds < 86_400) {
            return twoUnits(seconds / 3600, "h", seconds % 3600 / 60, "min");
        }
        return twoUnits(seconds / 86_400, "d", seconds % 86_400 / 3600, "h");
    }

    private static String twoUnits(long large, String largeUnit, long small, String smallUnit) {
        return small == 0 ? large + " " + largeUnit : String.format("%d %s %02d %s", large, largeUnit, small, smallUnit);
    }
}
