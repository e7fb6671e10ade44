package br.com.balcao.history;

import br.com.balcao.shared.Phones;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import br.com.balcao.shared.SpreadsheetCsv;
import br.com.balcao.shared.SpreadsheetText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/** Writes the filtered list as a spreadsheet CSV, one ticket a line, as the rows come from the database. */
@Component
record HistoryCsv(HistoryQueries queries, HistoryLabels labels) {

    private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] COLUMNS = {"ticket", "contact", "phone", "agent", "opened", "closed", "duration",
            "status", "tags"};

    void write(HistoryCriteria criteria, ZoneId zone, Locale locale, Separator separator, Writer out)
            throws IOException {
        CSVPrinter printer = SpreadsheetCsv.open(out, separator);
        printer.printRecord(Arrays.stream(COLUMNS).map(column -> labels.text("history.column." + column, locale)));
        try {
            queries.forEach(criteria, row -> print(printer, row, zone, locale));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    private void print(CSVPrinter printer, HistoryRow row, ZoneId zone, Locale locale) {
        try {
            printer.printRecord(row.ticketNumber(), SpreadsheetText.safe(row.contactName()), Phones.readable(row.contactPhone()),
                    SpreadsheetText.safe(row.agentName()), SPREADSHEET_TIME.format(row.createdAt().atZone(zone)),
                    row.closedAt() == null ? "" : SPREADSHEET_TIME.format(row.closedAt().atZone(zone)),
                    clock(row.duration()), labels.status(row.status(), row.reason(), locale),
                    SpreadsheetText.safe(row.tags().stream().map(TagLabel::name).collect(Collectors.joining(", "))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hours:minutes:seconds, hours past 24 included, which spreadsheets read as a duration. */
    private static String clock(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = Math.max(0, duration.getSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }
}
