package br.com.balcao.history;

import java.time.Duration;

/** A duration as people read it in the list, the CSV and the PDF: "2 d 3 h", "1 h 05 min", "4 min 10 s". */
final class DurationText {

    private DurationText() {
    }

    static String format(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + String.format("%02d", minutes) + " min";
        }
        return minutes + " min " + String.format("%02d", seconds % 60) + " s";
    }
}
