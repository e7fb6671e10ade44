package br.com.balcao.history;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.stereotype.Component;

/**
 * Liberation Sans (SIL Open Font License, from openpdf-fonts-extra), embedded as a subset with Unicode
 * encoding so that every Portuguese letter renders. A character the font has no glyph for would vanish
 * from the page without a trace; {@link #drawable} puts a visible replacement mark in its place instead.
 * <p>
 * The fonts are parsed once and shared: OpenPDF keeps what each document uses in that document's writer.
 */
@Component
class PdfFonts {

    private static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "liberation/LiberationSans-Bold.ttf";

    private final BaseFont regular;
    private final BaseFont bold;
    private final String replacement;

    PdfFonts() {
        this.regular = load(REGULAR);
        this.bold = load(BOLD);
        this.replacement = regular.charExists(0xFFFD) && bold.charExists(0xFFFD) ? "\uFFFD" : "?";
    }

    Font regular(float size, Color color) {
        return new Font(regular, size, Font.NORMAL, color);
    }

    Font bold(float size, Color color) {
        return new Font(bold, size, Font.NORMAL, color);
    }

    /** What the font can draw: line breaks kept, tabs as spaces, anything else without a glyph replaced. */
    String drawable(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint -> {
            if (codePoint == '\n') {
                out.append('\n');
            } else if (codePoint == '\t') {
                out.append("    ");
            } else if (Character.isISOControl(codePoint) || !regular.charExists(codePoint)
                    || !bold.charExists(codePoint)) {
                out.append(replacement);
            } else {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString();
    }

    String replacement() {
        return replacement;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
