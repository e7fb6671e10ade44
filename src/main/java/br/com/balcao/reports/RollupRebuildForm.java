package br.com.balcao.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
        if (from == null || to == null) {
            errors.reject("reports.invalid.missing");
        } else if (from.isAfter(to)) {
            errors.reject("reports.invalid.reversed");
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > ReportPeriod.MAX_DAYS) {
            errors.reject("reports.invalid.tooLong", new Object[] {ReportPeriod.MAX_DAYS}, null);
        } else if (to.isAfter(today)) {
            errors.rejectValue("to", "reports.rebuild.future");
        }
    }

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
