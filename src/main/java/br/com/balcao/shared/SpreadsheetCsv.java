package br.com.balcao.shared;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV files people download to open in a spreadsheet (contacts, history). Semicolons by default: a
 * spreadsheet in Portuguese takes the comma as the decimal sign and opens a comma-separated file as one
 * column. A byte order mark first, so that it reads the file as UTF-8 and shows the accents.
 */
public final class SpreadsheetCsv {

    /** Between values: semicolons unless the download asks for commas ({@code ?separator=COMMA}). */
    public enum Separator {
        SEMICOLON(';'),
        COMMA(',');

        private final char character;

        Separator(char character) {
            this.character = character;
        }

        public char character() {
            return character;
        }
    }

    private SpreadsheetCsv() {
    }

    /** Writes the byte order mark and answers a printer that writes records with the separator and CRLF. */
    public static CSVPrinter open(Writer out, Separator separator) throws IOException {
        out.write('\uFEFF');
        return CSVFormat.DEFAULT.builder().setDelimiter(separator.character()).setRecordSeparator("\r\n").get()
                .print(out);
    }
}
