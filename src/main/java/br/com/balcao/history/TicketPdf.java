package br.com.balcao.history;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes a ticket's PDF to a stream as its messages are read, in one read-only transaction. */
@Service
class TicketPdf {

    private final PdfQueries queries;
    private final PdfFonts fonts;
    private final HistoryLabels labels;
    private final Clock clock;

    TicketPdf(PdfQueries queries, PdfFonts fonts, HistoryLabels labels, Clock clock) {
        this.queries = queries;
        this.fonts = fonts;
        this.labels = labels;
        this.clock = clock;
    }

    Optional<PdfTicket> find(long ticketId) {
        return queries.ticket(ticketId);
    }

    /** "loja-centro-ticket-1042.pdf". */
    String fileName(PdfTicket ticket) {
        return FileNames.slug(ticket.numberName()) + "-ticket-" + ticket.ticketNumber() + ".pdf";
    }

    @Transactional(readOnly = true)
    public void write(PdfTicket ticket, String helpdeskUrl, Locale locale, OutputStream out) {
        try (TicketPdfDocument pdf = new TicketPdfDocument(out, ticket, helpdeskUrl, clock.instant(), fonts, labels,
                locale)) {
            pdf.header();
            pdf.transferChain(queries.transferChain(ticket.id()));
            pdf.conversationStart();
            queries.forEachMessage(ticket.id(), pdf::message);
            pdf.conversationEnd();
            pdf.notes(queries.notes(ticket.id()));
        }
    }
}
