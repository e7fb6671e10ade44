package br.com.balcao.reports;

import br.com.balcao.shared.Phones;
import br.com.balcao.shared.SpreadsheetCsv;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import br.com.balcao.shared.SpreadsheetText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "One row per conversation": every ticket created in the period (each number's local days), number by number in
 * the order of creation, streamed from the database through a cursor as the rows come, in the number's zone.
 * The satisfaction survey's answer and comment close the row (empty when the ticket was not surveyed or the
 * customer did not answer).
 */
@Component
class ConversationExport {

    private static final int FETCH_SIZE = 2_000;
    private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final List<String> COLUMNS = List.of("ticket", "contact", "phone", "number", "agent", "tags", "created",
            "firstResponseAt", "closedAt", "firstResponse", "service", "reason", "satisfaction", "satisfactionComment");

    private static final String ROWS = RollupSql.DAY_SPANS + """
            SELECT t.ticket_number, c.name AS contact_name, c.phone_e164, n.name AS number_name,
                   u.name AS agent_name, s.time_zone, t.created_at, t.assigned_at, t.first_response_at,
                   t.closed_at, t.close_reason, t.opened_by_active_message, t.satisfaction, t.satisfaction_comment,
                   (SELECT string_agg(g.name, ', ' ORDER BY g.name)
                      FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
                     WHERE tt.ticket_id = t.id) AS tags
              FROM spans s
              JOIN tickets t ON t.number_id = s.number_id
                            AND t.created_at >= s.span_start AND t.created_at < s.span_end
              JOIN business_numbers n ON n.id = t.number_id
              JOIN contacts c ON c.id = t.contact_id
              LEFT JOIN app_users u ON u.id = t.agent_id
             ORDER BY t.created_at, t.id
            """;

    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final MessageSource messages;

    ConversationExport(DataSource dataSource, PlatformTransactionManager transactions, MessageSource messages) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.messages = messages;
    }

    void write(List<Long> numberIds, ReportPeriod period, Locale locale, Separator separator, Writer out)
            throws IOException {
        CSVPrinter printer = SpreadsheetCsv.open(out, separator);
        printer.printRecord(COLUMNS.stream().map(column -> text("reports.conversation." + column, locale)).toList());
        try {
            // A number at a time: each is one range of its (number, created_at) index, streamed without a sort.
            for (long numberId : numberIds) {
                readOnly.executeWithoutResult(status -> streaming.query(ROWS,
                        Map.of("ids", List.of(numberId), "from", period.from(), "to", period.to()),
                        row -> {
                            print(printer, row, locale);
                        }));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.flush();
    }

    private void print(CSVPrinter printer, ResultSet row, Locale locale) throws SQLException {
        ZoneId zone = ZoneId.of(row.getString("time_zone"));
        Timestamp assigned = row.getTimestamp("assigned_at");
        Timestamp firstResponse = row.getTimestamp("first_response_at");
        Timestamp closed = row.getTimestamp("closed_at");
        String reason = row.getString("close_reason");
        String satisfaction = row.getString("satisfaction");
        Duration first = row.getBoolean("opened_by_active_message") ? null : between(assigned, firstResponse);
        try {
            printer.printRecord(row.getLong("ticket_number"), SpreadsheetText.safe(row.getString("contact_name")),
                    Phones.readable(row.getString("phone_e164")), SpreadsheetText.safe(row.getString("number_name")),
                    SpreadsheetText.safe(row.getString("agent_name")), SpreadsheetText.safe(row.getString("tags")),
                    time(row.getTimestamp("created_at"), zone), time(firstResponse, zone), time(closed, zone),
                    ClockDuration.format(first), ClockDuration.format(between(firstResponse, closed)),
                    reason == null ? "" : text("ticket.reason." + reason, locale),
                    satisfaction == null ? "" : text("ticket.satisfaction." + satisfaction, locale),
                    SpreadsheetText.safe(row.getString("satisfaction_comment")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration between(Timestamp start, Timestamp end) {
        return start == null || end == null ? null : Duration.between(start.toInstant(), end.toInstant());
    }

    private static String time(Timestamp at, ZoneId zone) {
        return at == null ? "" : SPREADSHEET_TIME.format(at.toInstant().atZone(zone));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
