package br.com.balcao.contacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import br.com.balcao.contacts.ImportLine.Reason;
import org.apache.commons.csv.CSVFormat;

/**
 * The contacts CSV, as the export writes it and the import reads it: UTF-8 (a byte order mark is skipped),
 * comma or semicolon between values, a header row naming the columns in any order, in English or Portuguese.
 * Columns that are not contact fields become extra fields; the rejected-lines file's reason column is ignored.
 */
final class ContactCsv {

    /**
     * The contact's own columns, in the export's order: the {@link ContactEdit} field each one is (its header in
     * the export, its label {@code contacts.field.<header>}), the table's column, what makes an import's line
     * wrong there, and the header names they are known by (compared without accents or signs).
     */
    enum Field {
        NAME("name", Reason.TOO_LONG, "name", "nome"),
        PHONE("phone_e164", Reason.INVALID_PHONE, "phone", "telefone", "celular", "whatsapp", "fone"),
        EMAIL("email", Reason.INVALID_EMAIL, "email", "e-mail"),
        CITY("city", Reason.TOO_LONG, "city", "cidade", "municipio"),
        DOCUMENT("document", Reason.INVALID_DOCUMENT, "document", "documento", "cpf", "cnpj", "cpf/cnpj");

        private final String column;
        private final Reason invalid;
        private final List<String> names;

        Field(String column, Reason invalid, String... names) {
            this.column = column;
            this.invalid = invalid;
            this.names = Arrays.stream(names).map(ContactCsv::fold).toList();
        }

        /** The column's name in the export, and the {@link ContactEdit} field's. */
        String header() {
            return name().toLowerCase();
        }

        String column() {
            return column;
        }

        Reason invalid() {
            return invalid;
        }

        static Optional<Field> named(String header) {
            String folded = fold(header);
            return Arrays.stream(values()).filter(field -> field.names.contains(folded)).findFirst();
        }
    }

    /** The column of the rejected-lines file that says why; the import skips it, so the file can be re-imported. */
    static final String REASON_COLUMN = "rejection_reason";

    static final char COMMA = ',';
    static final char SEMICOLON = ';';

    private ContactCsv() {
    }

    static CSVFormat format(char separator) {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).setRecordSeparator("\r\n")
                .get();
    }

    /** A reader of the file's text: strict UTF-8 (a malformed byte fails the read), without the byte order mark. */
    static BufferedReader open(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Semicolon when the header row has more semicolons than commas (as Brazilian spreadsheets write), else comma. */
    static char separatorOf(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        char[] start = new char[64 * 1024];
        int read = reader.read(start);
        reader.reset();
        long commas = 0;
        long semicolons = 0;
        for (int i = 0; i < Math.max(read, 0) && start[i] != '\n' && start[i] != '\r'; i++) {
            commas += start[i] == COMMA ? 1 : 0;
            semicolons += start[i] == SEMICOLON ? 1 : 0;
        }
        return semicolons > commas ? SEMICOLON : COMMA;
    }

    /** A header name as compared: lower case, without accents, spaces, dashes or other signs. */
    static String fold(String header) {
        String decomposed = Normalizer.normalize(header.strip().toLowerCase(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]", "");
    }
}
