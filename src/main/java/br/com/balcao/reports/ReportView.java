package br.com.balcao.reports;

import br.com.balcao.reports.Report.Times;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/** What the page needs besides the figures: the downloads' links and the cells' texts and shades. */
public record ReportView(ReportPeriod period, String number, ReportForm.Choice choice) {

    public static final java.util.List<String> FIGURE_COLUMNS = ReportCsv.FIGURE_COLUMNS;

    /** The satisfaction tables' columns: the page shows each score's share beside its count. */
    public static final java.util.List<String> SATISFACTION_HEADS =
            java.util.List.of("surveyed", "answered", "responseRate", "good", "ok", "bad");

    /** The periods' first days, for the charts' axis. */
    public String labels(Report report) {
        return report.periods().stream().map(row -> row.start().toString()).collect(Collectors.joining(","));
    }

    /** A figure per period for the charts: counts as they are, average times in minutes (empty: none). */
    public String series(Report report, String figure) {
        return report.periods().stream().map(row -> value(row.figures(), figure)).collect(Collectors.joining(","));
    }

    private static String value(Report.Figures figures, String figure) {
        Report.Counts counts = figures.counts();
        return switch (figure) {
            case "created" -> String.valueOf(counts.created());
            case "closed" -> String.valueOf(counts.closed());
            case "abandoned" -> String.valueOf(counts.abandoned());
            case "lost" -> String.valueOf(counts.lost());
            case "firstResponse" -> minutes(figures.firstResponse());
            case "response" -> minutes(figures.response());
            case "service" -> minutes(figures.service());
            case "good" -> String.valueOf(figures.satisfaction().good());
            case "ok" -> String.valueOf(figures.satisfaction().ok());
            case "bad" -> String.valueOf(figures.satisfaction().bad());
            default -> throw new IllegalArgumentException(figure);
        };
    }

    private static String minutes(Times times) {
        return times.average() == null ? "" : String.format(Locale.ROOT, "%.1f", times.average().getSeconds() / 60.0);
    }

    public String download(String table) {
        return UriComponentsBuilder.fromPath("/reports/export.csv").queryParam("number", number)
                .queryParam("period", ReportForm.Choice.CUSTOM).queryParam("from", period.from())
                .queryParam("to", period.to()).queryParam("group", period.grouping()).queryParam("table", table)
                .build().toUriString();
    }

    public String duration(java.time.Duration duration) {
        return duration == null ? "—" : ClockDuration.format(duration);
    }

    public String average(Times times) {
        return duration(times.average());
    }

    /** A count with its share of the answers: "3 (60 %)", or the count alone when nothing was answered. */
    public String withShare(Report.Answers answers, long count) {
        Long share = answers.share(count);
        return share == null ? String.valueOf(count) : count + " (" + share + " %)";
    }

    public String percent(Long value) {
        return value == null ? "—" : value + " %";
    }

    public String weekday(int index, Locale locale) {
        return DayOfWeek.of(index + 1).getDisplayName(TextStyle.SHORT, locale);
    }

    /** The heat map cell's shade, 0 (none) to 5 (the busiest hour of the week). */
    public int shade(long value, long[][] cells) {
        long max = 0;
        for (long[] day : cells) {
            for (long cell : day) {
                max = Math.max(max, cell);
            }
        }
        return max == 0 || value == 0 ? 0 : (int) Math.ceil(5.0 * value / max);
    }
}
