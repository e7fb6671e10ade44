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
public class HistoryFilterForm {

    static final int CONTACT_MAX_LENGTH = 120;

    @DateTimeFormat(iso = ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = ISO.DATE)
    private LocalDate to;
    private Long agent;
    private TicketStatus status;
    private CloseReason reason;
    @Size(max = CONTACT_MAX_LENGTH, message = "{history.filter.invalid.contact}")
    private String contact;
    private Long tag;
    @Positive(message = "{history.filter.invalid.ticket}")
    private Long ticket;
    private Long older;
    private Long newer;

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

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getAgent() {
        return agent;
    }

    public void setAgent(Long agent) {
        this.agent = agent;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public void setStatus(TicketStatus status) {
        this.status = status;
    }

    public CloseReason getReason() {
        return reason;
    }

    public void setReason(CloseReason reason) {
        this.reason = reason;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public Long getTag() {
        return tag;
    }

    public void setTag(Long tag) {
        this.tag = tag;
    }

    public Long getTicket() {
        return ticket;
    }

    public void setTicket(Long ticket) {
        this.ticket = ticket;
    }

    public Long getOlder() {
        return older;
    }

    public void setOlder(Long older) {
        this.older = older;
    }

    public Long getNewer() {
        return newer;
    }

    public void setNewer(Long newer) {
        this.newer = newer;
    }
}
