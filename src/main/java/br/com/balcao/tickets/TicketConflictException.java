package br.com.balcao.tickets;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The action does not fit the ticket's state now (closed, someone else's, window expired...). */
@ResponseStatus(HttpStatus.CONFLICT)
public class TicketConflictException extends RuntimeException {

    private final String reason;

    public TicketConflictException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** A message key suffix the pages can show: "closed", "not-yours", "window-expired", ... */
    public String reason() {
        return reason;
    }
}
