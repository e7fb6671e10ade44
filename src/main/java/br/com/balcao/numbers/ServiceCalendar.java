package br.com.balcao.numbers;

import br.com.balcao.numbers.WeeklySchedule.Interval;
import br.com.balcao.shared.NotFoundException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether a number is in service hours, and when it opens next, in the number's own time zone. */
@Service
@Transactional(readOnly = true)
public class ServiceCalendar {

    private final BusinessNumberRepository numbers;
    private final ServiceHourRepository serviceHours;
    private final HolidayRepository holidays;

    ServiceCalendar(BusinessNumberRepository numbers, ServiceHourRepository serviceHours, HolidayRepository holidays) {
        this.numbers = numbers;
        this.serviceHours = serviceHours;
        this.holidays = holidays;
    }

    public boolean isOpen(long numberId, Instant at) {
        return schedule(numberId, at).isOpen(at);
    }

    /**
     * The earliest instant at or after {@code after} when the number is open: {@code after} itself when it is
     * open then (always, for a number open 24 hours). Empty when nothing opens within the next 366 days
     * (no service hours configured, or all of them on holidays).
     */
    public Optional<Instant> nextOpening(long numberId, Instant after) {
        return schedule(numberId, after).nextOpening(after);
    }

    /** Everything the inbound pipeline needs of a number, read in one transaction; every holiday is included. */
    NumberSnapshot snapshot(long numberId) {
        BusinessNumber number = number(numberId);
        WeeklySchedule schedule = schedule(number, () -> holidays.findByNumberIdOrderByDayAsc(numberId));
        return new NumberSnapshot(number.getSettingsVersion(), number.toView(), number.toRules(), schedule);
    }

    private WeeklySchedule schedule(long numberId, Instant from) {
        BusinessNumber number = number(numberId);
        LocalDate firstDay = LocalDate.ofInstant(from, number.getZone());
        return schedule(number, () -> holidays.findByNumberIdAndDayBetween(numberId, firstDay,
                firstDay.plusDays(WeeklySchedule.HORIZON_DAYS)));
    }

    /** The holidays are read only for a number that is not open 24 hours. */
    private WeeklySchedule schedule(BusinessNumber number, Supplier<List<Holiday>> holidaysOf) {
        if (number.isAlwaysOpen()) {
            return new WeeklySchedule(number.getZone(), true, Map.of(), Set.of());
        }
        Set<LocalDate> closedDays = holidaysOf.get().stream().map(Holiday::getDay).collect(Collectors.toSet());
        return new WeeklySchedule(number.getZone(), false, hoursOf(number.getId()), closedDays);
    }

    private BusinessNumber number(long numberId) {
        return numbers.findById(numberId).orElseThrow(() -> new NotFoundException("Number " + numberId));
    }

    private Map<DayOfWeek, List<Interval>> hoursOf(long numberId) {
        return serviceHours.findByNumberId(numberId).stream().collect(Collectors.groupingBy(ServiceHour::getDay,
                Collectors.mapping(h -> new Interval(h.getOpensAt(), h.getClosesAt()), Collectors.toList())));
    }
}
