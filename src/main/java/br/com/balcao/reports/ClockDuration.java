package br.com.balcao.reports;

import java.time.Duration;

/** Hours:minutes:seconds (hours past 24 included), as the report's tables and spreadsheets read a duration. */
final class ClockDuration {

    private ClockDuration() {
    }

    static String format(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.getSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
