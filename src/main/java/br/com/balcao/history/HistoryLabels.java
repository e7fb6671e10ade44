package br.com.balcao.history;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts the CSV and the PDF print, from the message bundles in the user's language. */
@Component
record HistoryLabels(MessageSource messages) {

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** "Closed (by the agent)", "In service". */
    String status(TicketStatus status, CloseReason reason, Locale locale) {
        String text = text("ticket.status." + status, locale);
        return reason == null ? text : text + " (" + text("ticket.reason." + reason, locale) + ")";
    }

    DateTimeFormatter dateTime(Locale locale) {
        return DateTimeFormatter.ofPattern(text("history.format.datetime", locale), locale);
    }
}
