package br.com.balcao.history;

import br.com.balcao.shared.Phones;
import br.com.balcao.tickets.AuthorType;
import br.com.balcao.tickets.MessageType;
import br.com.balcao.tickets.QuotedMessage;
import br.com.balcao.tickets.SharedContact;
import java.awt.Color;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * One ticket's PDF being written to a stream: header, transfer chain, the conversation message by message
 * (each laid out and flushed with its page as it comes), then the notes. Not shared between requests.
 */
class TicketPdfDocument implements AutoCloseable {

    private static final Color TEXT = new Color(0x21, 0x25, 0x29);
    private static final Color MUTED = new Color(0x6c, 0x75, 0x7d);
    private static final Color CUSTOMER = new Color(0x08, 0x42, 0x98);
    private static final Color AGENT = new Color(0x0f, 0x6b, 0x4f);
    private static final Color LINK = new Color(0x0b, 0x5e, 0xd7);
    private static final Color RULE = new Color(0xde, 0xe2, 0xe6);

    private final Document document;
    private final PdfFonts fonts;
    private final HistoryLabels labels;
    private final Locale locale;
    private final PdfTicket ticket;
    private final String helpdeskUrl;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter messageTime;
    private boolean anyMessage;

    /** {@code helpdeskUrl}: the application's address, for links to media files kept only by WhatsApp. */
    TicketPdfDocument(OutputStream out, PdfTicket ticket, String helpdeskUrl, Instant generatedAt, PdfFonts fonts,
                      HistoryLabels labels, Locale locale) {
        this.fonts = fonts;
        this.labels = labels;
        this.locale = locale;
        this.ticket = ticket;
        this.helpdeskUrl = helpdeskUrl;
        this.dateTime = labels.dateTime(locale).withZone(ticket.zone());
        this.messageTime = DateTimeFormatter.ofPattern(text("history.format.datetimeSeconds"), locale)
                .withZone(ticket.zone());
        this.document = new Document(PageSize.A4, 42, 42, 54, 54);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PdfPageDecorations(fonts,
                text("history.pdf.running", ticket.numberName(), ticket.ticketNumber()),
                text("history.pdf.generated", dateTime.format(generatedAt), ticket.zone().getId()),
                text("history.pdf.page")));
        document.addTitle(fonts.drawable(text("history.pdf.title", ticket.ticketNumber(), ticket.numberName())));
        document.addCreator(text("app.name"));
        document.open();
    }

    void header() {
        add(paragraph(text("history.pdf.title", ticket.ticketNumber(), ticket.numberName()), fonts.bold(16, TEXT), 0));
        PdfPTable table = new PdfPTable(new float[] {1.1f, 2f, 1.1f, 2f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        field(table, "history.pdf.number", ticket.numberName() + " · " + ticket.numberPhone(), 3);
        field(table, "history.column.ticket", "#" + ticket.ticketNumber());
        field(table, "history.column.status", labels.status(ticket.status(), ticket.reason(), locale));
        field(table, "history.column.contact", ticket.contactName() == null ? text("history.noName") : ticket.contactName());
        field(table, "history.column.phone", Phones.readable(ticket.contactPhone()));
        field(table, "history.column.agent", ticket.agentName() == null ? "—" : ticket.agentName());
        field(table, "history.column.opened", dateTime.format(ticket.createdAt()));
        field(table, "history.column.closed", ticket.closedAt() == null ? "—" : dateTime.format(ticket.closedAt()));
        field(table, "history.column.duration", ticket.duration() == null ? "—" : DurationText.format(ticket.duration()));
        field(table, "history.column.tags", ticket.tags().isEmpty() ? "—" : String.join(", ", ticket.tags()), 3);
        if (ticket.satisfaction() != null) {
            String answer = text("ticket.satisfaction." + ticket.satisfaction());
            field(table, "history.pdf.satisfaction", ticket.satisfactionComment() == null ? answer
                    : answer + " — “" + ticket.satisfactionComment() + "”", 3);
        }
        add(table);
    }

    /** The tickets a transfer links to this one, when there are any besides itself. */
    void transferChain(List<LinkedTicket> chain) {
        if (chain.size() < 2) {
            return;
        }
        section("history.pdf.transfers");
        for (LinkedTicket linked : chain) {
            String line = text("history.pdf.transferLine", linked.ticketNumber(), dateTime.format(linked.createdAt()),
                    linked.agentName() == null ? "—" : linked.agentName(),
                    labels.status(linked.status(), linked.reason(), locale));
            boolean self = linked.id() == ticket.id();
            add(paragraph("• " + line + (self ? " " + text("history.pdf.thisTicket") : ""),
                    self ? fonts.bold(9, TEXT) : fonts.regular(9, TEXT), 2));
        }
    }

    void conversationStart() {
        section("history.pdf.conversation");
    }

    void message(PdfMessage message) {
        anyMessage = true;
        Paragraph paragraph = entry();
        paragraph.add(chunk(messageTime.format(message.createdAt()) + "  ", fonts.regular(8, MUTED)));
        paragraph.add(chunk(author(message), fonts.bold(9, colorOf(message.authorType()))));
        if (message.templateName() != null) {
            paragraph.add(chunk("  [" + text("message.type.TEMPLATE") + ": " + message.templateName() + "]",
                    fonts.regular(8, MUTED)));
        }
        if (message.quote() != null) {
            paragraph.add(newline());
            paragraph.add(chunk(quote(message.quote()), fonts.regular(8, MUTED)));
        }
        if (message.body() != null && !message.body().isBlank()) {
            paragraph.add(newline());
            paragraph.add(chunk(message.body(), fonts.regular(10, TEXT)));
        }
        for (SharedContact contact : message.sharedContacts()) {
            paragraph.add(newline());
            String name = contact.name() == null ? text("message.contact.noName") : contact.name();
            paragraph.add(chunk(text("history.pdf.contact", contact.phones().isEmpty() ? name
                    : name + " — " + String.join(", ", contact.phones())), fonts.regular(10, TEXT)));
        }
        if (message.type() == MessageType.UNSUPPORTED) {
            paragraph.add(newline());
            paragraph.add(chunk(text("message.unsupported"), fonts.regular(10, MUTED)));
        }
        if (message.isMedia()) {
            paragraph.add(newline());
            String type = text("message.type." + message.type());
            if (message.mediaFileName() != null) {
                paragraph.add(chunk(type + ": ", fonts.regular(10, MUTED)));
            }
            String link = message.mediaLink(helpdeskUrl);
            paragraph.add(link(message.mediaFileName() != null ? message.mediaFileName() : type, link));
            if (link == null) {
                paragraph.add(chunk(" " + text("history.pdf.mediaNotStored"), fonts.regular(8, MUTED)));
            }
        }
        if (message.isLocation()) {
            paragraph.add(newline());
            paragraph.add(chunk(text("message.type.LOCATION") + ": ", fonts.regular(10, MUTED)));
            paragraph.add(link(message.latitude() + ", " + message.longitude(), "https://www.openstreetmap.org/?mlat="
                    + message.latitude() + "&mlon=" + message.longitude()));
        }
        if (message.mediaCaption() != null && !message.mediaCaption().isBlank()) {
            paragraph.add(newline());
            paragraph.add(chunk(message.mediaCaption(), fonts.regular(10, TEXT)));
        }
        if (!message.reactions().isEmpty()) {
            paragraph.add(newline());
            paragraph.add(chunk(text("history.pdf.reactions", message.reactions().stream()
                    .map(reaction -> text("history.pdf.reaction." + reaction.authorType(), emoji(reaction.emoji())))
                    .collect(Collectors.joining(" · "))), fonts.regular(8, MUTED)));
        }
        add(paragraph);
    }

    /** "In reply to Maria: “the first line”", or that the quoted message is not held here. */
    private String quote(QuotedMessage quote) {
        if (!quote.available()) {
            return text("history.pdf.quoteUnavailable");
        }
        String author = quote.authorName() != null ? quote.authorName() : text("author." + quote.authorType());
        return text("history.pdf.inReplyTo", author,
                quote.firstLine() != null ? quote.firstLine() : text("message.type." + quote.type()));
    }

    /**
     * The emoji and, for those agents pick from, its name in words: the PDF's font draws no emoji (they print as
     * a replacement mark), and the reader should still know which one it was.
     */
    private String emoji(String emoji) {
        String key = "history.pdf.emoji." + Integer.toHexString(emoji.codePointAt(0));
        String name = labels.messages().getMessage(key, null, "", locale);
        return name == null || name.isEmpty() ? emoji : emoji + " (" + name + ")";
    }

    void conversationEnd() {
        if (!anyMessage) {
            add(paragraph(text("history.pdf.noMessages"), fonts.regular(10, MUTED), 4));
        }
    }

    void notes(List<PdfNote> notes) {
        section("history.pdf.notes");
        if (notes.isEmpty()) {
            add(paragraph(text("history.pdf.noNotes"), fonts.regular(10, MUTED), 4));
        }
        for (PdfNote note : notes) {
            Paragraph paragraph = entry();
            paragraph.add(chunk(messageTime.format(note.createdAt()) + "  ", fonts.regular(8, MUTED)));
            paragraph.add(chunk(note.authorName(), fonts.bold(9, AGENT)));
            paragraph.add(newline());
            paragraph.add(chunk(note.body(), fonts.regular(10, TEXT)));
            add(paragraph);
        }
    }

    @Override
    public void close() {
        document.close();
    }

    private String author(PdfMessage message) {
        return switch (message.authorType()) {
            case CUSTOMER -> ticket.contactName() == null ? text("author.CUSTOMER")
                    : ticket.contactName() + " (" + text("author.CUSTOMER") + ")";
            case AGENT -> (message.authorName() == null ? "" : message.authorName() + " ") + "(" + text("author.AGENT") + ")";
            case AUTOMATION -> text("author.AUTOMATION");
            case SYSTEM -> text("author.SYSTEM");
        };
    }

    private static Color colorOf(AuthorType author) {
        return switch (author) {
            case CUSTOMER -> CUSTOMER;
            case AGENT -> AGENT;
            case AUTOMATION, SYSTEM -> MUTED;
        };
    }

    /** A title with a rule under it (a one-cell table: every text in the file is in the embedded font). */
    private void section(String key) {
        PdfPTable title = new PdfPTable(1);
        title.setWidthPercentage(100);
        title.setSpacingBefore(16);
        title.setSpacingAfter(2);
        PdfPCell cell = cell(text(key), fonts.bold(12, TEXT));
        cell.setPaddingLeft(0);
        title.addCell(cell);
        add(title);
    }

    /** A message or note: its font also sizes the space above it, which would otherwise be in Helvetica. */
    private Paragraph entry() {
        Paragraph paragraph = new Paragraph();
        paragraph.setFont(fonts.regular(10, TEXT));
        paragraph.setSpacingBefore(7);
        paragraph.setLeading(12);
        return paragraph;
    }

    private Chunk newline() {
        return new Chunk("\n", fonts.regular(10, TEXT));
    }

    private void field(PdfPTable table, String labelKey, String value) {
        field(table, labelKey, value, 1);
    }

    private void field(PdfPTable table, String labelKey, String value, int columns) {
        table.addCell(cell(text(labelKey), fonts.regular(8, MUTED)));
        PdfPCell cell = cell(value, fonts.regular(10, TEXT));
        cell.setColspan(columns);
        table.addCell(cell);
    }

    private PdfPCell cell(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(fonts.drawable(value), font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        return cell;
    }

    /** A link when there is a web address to go to; the same text without one otherwise. */
    private Chunk link(String label, String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return chunk(label, fonts.regular(10, TEXT));
        }
        Font font = fonts.regular(10, LINK);
        font.setStyle(Font.UNDERLINE);
        return chunk(label, font).setAnchor(url);
    }

    private Chunk chunk(String value, Font font) {
        return new Chunk(fonts.drawable(value), font);
    }

    private Paragraph paragraph(String value, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(fonts.drawable(value), font);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private void add(Element element) {
        document.add(element);
    }

    private String text(String key, Object... arguments) {
        return labels.text(key, locale, arguments);
    }
}
