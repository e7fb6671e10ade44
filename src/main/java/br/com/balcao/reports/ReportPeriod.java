package br.com.balcao.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The local days from..to (both included, in each number's own zone) and how the rows group them. */
public record ReportPeriod(LocalDate from, LocalDate to, Grouping grouping) {

    static final int MAX_DAYS = 366;

    /** The first day of every group that the period touches, in order, empty groups included. */
    List<LocalDate> groupStarts() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = grouping.start(from); !start.isAfter(to); start = grouping.next(start)) {
            starts.add(start);
        }
        return starts;
    }
}
