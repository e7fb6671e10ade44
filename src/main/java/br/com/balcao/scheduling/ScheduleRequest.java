package br.com.balcao.scheduling;

import br.com.balcao.tickets.TicketActions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The scheduling form: the date and time in the number's zone, the text, the repetition, and optionally an approved
 * template with one value per body variable, sent instead when the contact's 24-hour window is closed.
 */
record ScheduleRequest(
        @NotNull(message = "{form.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
        @NotNull(message = "{form.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime time,
        @NotBlank(message = "{form.required}") @Size(max = TicketActions.MAX_REPLY, message = "{form.tooLong}") String text,
        @NotNull(message = "{form.required}") Repetition repetition,
        Long templateId,
        List<String> values) {

    ScheduleRequest {
        values = values == null ? List.of() : values;
    }

    static ScheduleRequest empty() {
        return new ScheduleRequest(null, null, "", Repetition.NONE, null, List.of());
    }

    static ScheduleRequest of(ScheduledMessage message) {
        return new ScheduleRequest(message.localDue().toLocalDate(), message.localDue().toLocalTime(), message.body(),
                message.repetition(), message.templateId(), message.values());
    }
}
