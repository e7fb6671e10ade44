package br.com.balcao.history;

import java.awt.Color;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every page carries: the number and ticket on top; the generation time and "page X of Y" below. The
 * total is a template drawn on each page and filled in when the document closes, so pages are written to
 * the response as they fill instead of being held until the end.
 */
class PdfPageDecorations extends PdfPageEventHelper {

    private static final float SIZE = 8;
    private static final float DESCENT = 3;
    private static final Color GREY = new Color(0x6c, 0x75, 0x7d);

    private final PdfFonts fonts;
    private final String running;
    private final String generated;
    private final String pageOf;
    private PdfTemplate total;

    /** {@code pageOf} has the page number as {0} and is followed by the total. */
    PdfPageDecorations(PdfFonts fonts, String running, String generated, String pageOf) {
        this.fonts = fonts;
        this.running = fonts.drawable(running);
        this.generated = fonts.drawable(generated);
        this.pageOf = pageOf;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, SIZE + 2 * DESCENT);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float left = document.left();
        float right = document.right();
        float bottom = document.bottom() - 24;
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(running, fonts.regular(SIZE, GREY)), left,
                page.getTop() - 28, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(generated, fonts.regular(SIZE, GREY)), left,
                bottom, 0);
        String current = fonts.drawable(pageOf.replace("{0}", String.valueOf(writer.getPageNumber())));
        BaseFont base = fonts.regular(SIZE, GREY).getBaseFont();
        float totalWidth = base.getWidthPoint("9999", SIZE);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(current, fonts.regular(SIZE, GREY)),
                right - totalWidth, bottom, 0);
        canvas.addTemplate(total, right - totalWidth, bottom - DESCENT);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                new Phrase(" " + (writer.getPageNumber() - 1), fonts.regular(SIZE, GREY)), 0, DESCENT, 0);
    }
}
