package br.com.balcao.reports;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.Errors;

/** An admin's rebuild of the roll-ups: the numbers ("all" or an id) and the local days from..to. */
record RollupRebuildForm(
        String number,
        @DateTimeFormat(iso = ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = ISO.DATE) LocalDate to) {

    static RollupRebuildForm empty(String number) {
        return new RollupRebuildForm(number, null, null);
    }

    /** Refuses a missing or reversed range, one longer than a report may be, and days after today. */
    void check(LocalDate today, Errors errors) {
        if (errors.hasErrors()) {
            return;
        }
        ReportPeriod.check(from, to, errors);
        if (!errors.hasErrors() && to.isAfter(today)) {
            errors.rejectValue("to", "reports.rebuild.future");
        }
    }
}
