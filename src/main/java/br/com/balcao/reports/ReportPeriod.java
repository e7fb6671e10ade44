package br.com.balcao.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;

/** The local days from..to (both included, in each number's own zone) and how the rows group them. */
public record ReportPeriod(LocalDate from, LocalDate to, Grouping grouping) {

    static final int MAX_DAYS = 366;

    /** Rejects a range of days that is missing a date, reversed, or longer than {@link #MAX_DAYS}. */
    static void check(LocalDate from, LocalDate to, Errors errors) {
        if (from == null || to == null) {
            errors.reject("reports.invalid.missing");
        } else if (from.isAfter(to)) {
            errors.reject("reports.invalid.reversed");
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.reject("reports.invalid.tooLong", new Object[] {MAX_DAYS}, null);
        }
    }

    /** The first day of every group that the period touches, in order, empty groups included. */
    List<LocalDate> groupStarts() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = grouping.start(from); !start.isAfter(to); start = grouping.next(start)) {
            starts.add(start);
        }
        return starts;
    }
}
