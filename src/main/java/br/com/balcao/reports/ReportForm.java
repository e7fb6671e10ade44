package br.com.balcao.reports;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.Errors;

/**
 * The report's choices as the query string carries them: the number ("all" or an id), a period (custom: from..to)
 * and the grouping. A value that does not convert is a binding error of its field
 * ({@code typeMismatch.report.<field>}); {@link #period} checks the dates.
 */
public record ReportForm(
        String number,
        Choice period,
        @DateTimeFormat(iso = ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = ISO.DATE) LocalDate to,
        Grouping group) {

    public enum Choice { TODAY, YESTERDAY, LAST_7_DAYS, LAST_30_DAYS, THIS_MONTH, CUSTOM }

    public Choice choice() {
        return period == null ? Choice.LAST_7_DAYS : period;
    }

    public Grouping grouping() {
        return group == null ? Grouping.DAY : group;
    }

    /** The period, or empty with the reason in the errors (missing, reversed or longer than 366 days). */
    Optional<ReportPeriod> period(LocalDate today, Errors errors) {
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        LocalDate start = switch (choice()) {
            case TODAY -> today;
            case YESTERDAY -> today.minusDays(1);
            case LAST_7_DAYS -> today.minusDays(6);
            case LAST_30_DAYS -> today.minusDays(29);
            case THIS_MONTH -> today.withDayOfMonth(1);
            case CUSTOM -> from;
        };
        LocalDate end = switch (choice()) {
            case YESTERDAY -> today.minusDays(1);
            case CUSTOM -> to;
            default -> today;
        };
        ReportPeriod.check(start, end, errors);
        return errors.hasErrors() ? Optional.empty() : Optional.of(new ReportPeriod(start, end, grouping()));
    }
}
