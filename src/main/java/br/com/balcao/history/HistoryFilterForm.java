package br.com.balcao.history;

import br.com.balcao.tickets.CloseReason;
import br.com.balcao.tickets.TicketStatus;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.Errors;

/**
 * The history filters as the query string carries them. A value that does not convert (a date or a number
 * that is not one) is a binding error of its field (its message is {@code typeMismatch.filter.<field>}); the
 * annotations check each field and {@link #validate} the rules between fields.
 */
public record HistoryFilterForm(
        @DateTimeFormat(iso = ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = ISO.DATE) LocalDate to,
        Long agent,
        TicketStatus status,
        CloseReason reason,
        @Size(max = HistoryFilterForm.CONTACT_MAX_LENGTH, message = "{history.filter.invalid.contact}") String contact,
        Long tag,
        @Positive(message = "{history.filter.invalid.ticket}") Long ticket,
        Long older,
        Long newer) {

    static final int CONTACT_MAX_LENGTH = 120;

    void validate(Errors errors) {
        if (from != null && to != null && from.isAfter(to)) {
            errors.rejectValue("to", "history.filter.invalid.range");
        }
        if (reason != null && status != null && status != TicketStatus.CLOSED) {
            errors.rejectValue("reason", "history.filter.invalid.reason");
        }
    }

    HistoryFilter toFilter() {
        String name = contact == null || contact.isBlank() ? null : contact.strip();
        return new HistoryFilter(from, to, agent, status, reason, name, tag, ticket);
    }

    /** The page to show: before {@code older} or after {@code newer} (ticket ids), or the newest. */
    HistoryCursor cursor() {
        if (older != null) {
            return HistoryCursor.olderThan(older);
        }
        return newer != null ? HistoryCursor.newerThan(newer) : HistoryCursor.NEWEST;
    }
}
