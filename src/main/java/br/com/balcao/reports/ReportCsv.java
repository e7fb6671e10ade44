package br.com.balcao.reports;

import br.com.balcao.reports.Report.Figures;
import br.com.balcao.reports.Report.Times;
import br.com.balcao.shared.SpreadsheetCsv;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import br.com.balcao.shared.SpreadsheetText;
import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Each table of the report page as a spreadsheet CSV, with the page's column headings. */
@Component
record ReportCsv(MessageSource messages) {

    /** The tables a report downloads, named as the download's {@code table} parameter. */
    enum Table { PERIODS, AGENTS, TAGS, HOURS, SATISFACTION, SATISFACTION_AGENTS }

    static final List<String> FIGURE_COLUMNS = List.of("created", "closed", "attendant", "client", "clientInactivity",
            "transferred", "abandoned", "lost", "firstResponseAverage", "firstResponseP90", "responseAverage",
            "responseP90", "serviceAverage", "serviceP90");

    static final List<String> SATISFACTION_COLUMNS = List.of("surveyed", "answered", "responseRate", "good",
            "goodShare", "ok", "okShare", "bad", "badShare");

    void write(Table table, Report report, Locale locale, Separator separator, Writer out) throws IOException {
        CSVPrinter printer = SpreadsheetCsv.open(out, separator);
        switch (table) {
            case PERIODS -> {
                printer.printRecord(headings(locale, "period", FIGURE_COLUMNS));
                for (Report.PeriodRow row : report.periods()) {
                    printer.printRecord(withFigures(row.start().toString(), row.figures()));
                }
                printer.printRecord(withFigures(text("reports.total", locale), report.total()));
            }
            case AGENTS -> {
                printer.printRecord(headings(locale, "agent", FIGURE_COLUMNS));
                for (Report.AgentRow row : report.agents()) {
                    String name = row.name() == null ? text("reports.noAgent", locale) : row.name();
                    printer.printRecord(withFigures(SpreadsheetText.safe(name), row.figures()));
                }
            }
            case TAGS -> {
                printer.printRecord(text("reports.column.tag", locale), text("reports.column.tickets", locale));
                for (Report.TagRow row : report.tags()) {
                    printer.printRecord(SpreadsheetText.safe(row.name()), row.tickets());
                }
            }
            case SATISFACTION -> {
                printer.printRecord(headings(locale, "period", SATISFACTION_COLUMNS));
                for (Report.PeriodRow row : report.periods()) {
                    printer.printRecord(withAnswers(row.start().toString(), row.figures().satisfaction()));
                }
                printer.printRecord(withAnswers(text("reports.total", locale), report.total().satisfaction()));
            }
            case SATISFACTION_AGENTS -> {
                printer.printRecord(headings(locale, "agent", SATISFACTION_COLUMNS));
                for (Report.AgentRow row : report.agents()) {
                    String name = row.name() == null ? text("reports.noAgent", locale) : row.name();
                    printer.printRecord(withAnswers(SpreadsheetText.safe(name), row.figures().satisfaction()));
                }
            }
            case HOURS -> {
                printer.printRecord(Stream.concat(Stream.of(text("reports.column.weekday", locale)),
                        IntStream.range(0, 24).mapToObj(hour -> hour + "h")).toList());
                for (int day = 0; day < 7; day++) {
                    List<Object> values = new ArrayList<>();
                    values.add(DayOfWeek.of(day + 1).getDisplayName(TextStyle.FULL, locale));
                    for (long created : report.createdByHourOfWeek()[day]) {
                        values.add(created);
                    }
                    printer.printRecord(values);
                }
            }
        }
        printer.flush();
    }

    private List<String> headings(Locale locale, String first, List<String> columns) {
        return Stream.concat(Stream.of(first), columns.stream())
                .map(column -> text("reports.column." + column, locale)).toList();
    }

    private static List<Object> withFigures(String label, Figures figures) {
        Report.Counts counts = figures.counts();
        List<Object> values = new ArrayList<>(List.of(label, counts.created(), counts.closed(), counts.attendant(),
                counts.client(), counts.clientInactivity(), counts.transferred(), counts.abandoned(), counts.lost()));
        for (Times times : List.of(figures.firstResponse(), figures.response(), figures.service())) {
            values.add(ClockDuration.format(times.average()));
            values.add(ClockDuration.format(times.p90()));
        }
        return values;
    }

    /** Counts as they are, shares in percent without the sign (empty: nothing to share). */
    private static List<Object> withAnswers(String label, Report.Answers answers) {
        return Arrays.asList(label, answers.surveyed(), answers.answered(), answers.responseRate(),
                answers.good(), answers.share(answers.good()), answers.ok(), answers.share(answers.ok()),
                answers.bad(), answers.share(answers.bad()));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
