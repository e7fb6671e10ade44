package br.com.balcao.numbers;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A number's opening hours as plain values, and the calculation on them: open or closed at an instant,
 * and when it opens next. Intervals are [opens, closes) in the number's local time; a holiday closes
 * the whole local date.
 */
record WeeklySchedule(ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<Interval>> hours,
        Set<LocalDate> holidays) {

    /** How far ahead {@link #nextOpening} looks before giving up. */
    static final int HORIZON_DAYS = 366;

    record Interval(LocalTime opens, LocalTime closes) {

        /** A closing time that means "at midnight": the interval includes its last second. */
        static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

        boolean contains(LocalTime time) {
            return !time.isBefore(opens) && (time.isBefore(closes) || closes.equals(END_OF_DAY));
        }
    }

    WeeklySchedule {
        hours = Map.copyOf(hours);
        holidays = Set.copyOf(holidays);
    }

    boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return !holidays.contains(local.toLocalDate())
                && intervalsOn(local.toLocalDate()).stream().anyMatch(i -> i.contains(local.toLocalTime()));
    }

    /** The earliest instant at or after {@code after} when the number is open; empty if none within the horizon. */
    Optional<Instant> nextOpening(Instant after) {
        if (isOpen(after)) {
            return Optional.of(after);
        }
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        for (int day = 0; day <= HORIZON_DAYS; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            if (holidays.contains(date)) {
                continue;
            }
            for (Interval interval : intervalsOn(date)) {
                LocalDateTime opens = date.atTime(interval.opens());
                if (opens.isAfter(local)) {
                    return Optional.of(toInstant(opens));
                }
            }
        }
        return Optional.empty();
    }

    private List<Interval> intervalsOn(LocalDate date) {
        return hours.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .sorted(Comparator.comparing(Interval::opens))
                .toList();
    }

    /**
     * An opening time that falls in a DST gap happens when the clocks jump past it; one that occurs twice
     * (clocks going back) happens the first time.
     */
    private Instant toInstant(LocalDateTime local) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
