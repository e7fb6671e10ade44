package br.com.balcao.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A demo number's weekly opening windows, with the same meaning the service_hours table gives them. */
final class ServiceHours {

    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    record Window(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    private final boolean alwaysOpen;
    private final List<Window> windows;

    private ServiceHours(boolean alwaysOpen, List<Window> windows) {
        this.alwaysOpen = alwaysOpen;
        this.windows = windows.stream()
                .sorted(Comparator.comparing(Window::day).thenComparing(Window::opens))
                .toList();
    }

    static ServiceHours alwaysOpen() {
        return new ServiceHours(true, List.of());
    }

    static ServiceHours weekly(List<Window> windows) {
        return new ServiceHours(false, windows);
    }

    static List<Window> days(DayOfWeek from, DayOfWeek to, String opens, String closes) {
        List<Window> windows = new ArrayList<>();
        for (int day = from.getValue(); day <= to.getValue(); day++) {
            windows.add(new Window(DayOfWeek.of(day), LocalTime.parse(opens), LocalTime.parse(closes)));
        }
        return windows;
    }

    boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    List<Window> windows() {
        return windows;
    }

    boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        ZonedDateTime local = at.atZone(ZONE);
        LocalTime time = local.toLocalTime();
        return windows.stream().anyMatch(window -> window.day() == local.getDayOfWeek()
                && !time.isBefore(window.opens()) && time.isBefore(window.closes()));
    }

    /** The first opening strictly after the given instant. */
    Instant nextOpening(Instant after) {
        LocalDate date = after.atZone(ZONE).toLocalDate();
        for (int offset = 0; offset <= 7; offset++) {
            LocalDate day = date.plusDays(offset);
            for (Window window : windows) {
                if (window.day() == day.getDayOfWeek()) {
                    Instant opening = day.atTime(window.opens()).atZone(ZONE).toInstant();
                    if (opening.isAfter(after)) {
                        return opening;
                    }
                }
            }
        }
        throw new IllegalStateException("No opening within a week: the number is never open");
    }
}
