package br.com.balcao.contacts;

import br.com.balcao.contacts.ContactCsv.Field;
import br.com.balcao.shared.Phones;
import br.com.balcao.shared.SpreadsheetCsv.Separator;
import br.com.balcao.shared.SpreadsheetCsv;
import br.com.balcao.shared.SpreadsheetText;
import br.com.balcao.shared.database.replica.ReadsFromReplica;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filtered contacts as a spreadsheet CSV ({@link SpreadsheetCsv}) in the import's format: the header row, then one line per contact in the list's order, extra fields as
 * columns). Values a spreadsheet would run as formulas are protected ({@link SpreadsheetText}). Rows are read
 * through a database cursor and written as they come: memory stays flat at any size.
 */
@Component
@ReadsFromReplica
class ContactExport {

    private static final int FETCH_SIZE = 1000;
    private static final int MAX_EXTRA_COLUMNS = 50;
    private static final String COLUMNS = Arrays.stream(Field.values()).map(field -> "c." + field.column())
            .collect(Collectors.joining(", "));
    private static final TypeReference<Map<String, Object>> EXTRAS = new TypeReference<>() {
    };

    private final JdbcTemplate cursor;
    private final JsonMapper json = JsonMapper.builder().build();

    ContactExport(JdbcTemplate jdbc) {
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH_SIZE);
    }

    /** PostgreSQL streams a result through a cursor only inside a transaction. */
    @Transactional(readOnly = true)
    public void write(long numberId, ContactFilter filter, ZoneId zone, Separator separator, OutputStream out)
            throws IOException {
        ContactQuery query = ContactQuery.of(numberId, filter, zone);
        List<String> extraColumns = cursor.queryForList("""
                SELECT DISTINCT k FROM contacts c, jsonb_object_keys(c.extra_fields) k
                 WHERE %s ORDER BY k LIMIT %d
                """.formatted(query.where(), MAX_EXTRA_COLUMNS), String.class, query.arguments().toArray());
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = SpreadsheetCsv.open(writer, separator);
        List<String> header = new ArrayList<>(Arrays.stream(Field.values()).map(Field::header).toList());
        header.addAll(extraColumns);
        printer.printRecord(header.stream().map(SpreadsheetText::safe).toList());
        cursor.query("""
                SELECT %s, c.extra_fields::text AS extra FROM contacts c
                 WHERE %s ORDER BY c.last_interaction_at DESC NULLS LAST, c.id DESC
                """.formatted(COLUMNS, query.where()), row -> {
            List<String> values = new ArrayList<>(header.size());
            for (Field field : Field.values()) {
                String value = row.getString(field.column());
                values.add(field == Field.PHONE ? Phones.readable(value) : value);
            }
            Map<String, Object> extras = json.readValue(row.getString("extra"), EXTRAS);
            extraColumns.forEach(column -> values.add(extras.get(column) == null ? null : extras.get(column).toString()));
            try {
                printer.printRecord(values.stream().map(SpreadsheetText::safe).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, query.arguments().toArray());
        printer.flush();
    }
}
