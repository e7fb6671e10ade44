package br.com.balcao.numbers;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.numbers.WeeklySchedule.Interval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {

    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final ZoneId MANAUS = ZoneId.of("America/Manaus");
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    /** Weekdays 08–12 and 13–18, Saturday 08–12, Sunday closed. */
    static Map<DayOfWeek, List<Interval>> shopHours() {
        Map<DayOfWeek, List<Interval>> hours = new HashMap<>();
        for (DayOfWeek day : List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY)) {
            hours.put(day, List.of(interval("13:00", "18:00"), interval("08:00", "12:00")));
        }
        hours.put(SATURDAY, List.of(interval("08:00", "12:00")));
        return hours;
    }

    static Interval interval(String opens, String closes) {
        return new Interval(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @Nested
    class InSaoPaulo {

        final WeeklySchedule shop = new WeeklySchedule(SAO_PAULO, false, shopHours(), Set.of());

        @Test
        void lunchBreakIsClosedAndTheAfternoonOpensAtOne() {
            assertThat(shop.isOpen(local("2026-11-16T11:59:59", SAO_PAULO))).isTrue();
            assertThat(shop.isOpen(local("2026-11-16T12:30", SAO_PAULO))).isFalse();
            assertThat(shop.nextOpening(local("2026-11-16T12:30", SAO_PAULO)))
                    .contains(local("2026-11-16T13:00", SAO_PAULO));
            assertThat(shop.isOpen(local("2026-11-16T17:00", SAO_PAULO))).isTrue();
        }

        @Test
        void openingInstantIsOpenAndClosingInstantIsClosed() {
            Instant opening = local("2026-11-16T08:00", SAO_PAULO);
            assertThat(shop.isOpen(opening)).isTrue();
            assertThat(shop.isOpen(opening.minusNanos(1))).isFalse();
            assertThat(shop.nextOpening(opening.minusNanos(1))).contains(opening);
            assertThat(shop.nextOpening(opening)).contains(opening);

            Instant closing = local("2026-11-16T18:00", SAO_PAULO);
            assertThat(shop.isOpen(closing.minusNanos(1))).isTrue();
            assertThat(shop.isOpen(closing)).isFalse();
            assertThat(shop.nextOpening(closing)).contains(local("2026-11-17T08:00", SAO_PAULO));
        }

        @Test
        void fridayAtTenPmOpensNextOnSaturdayAtEightLocal() {
            Instant fridayNight = local("2026-11-20T22:00", SAO_PAULO);
            assertThat(shop.isOpen(fridayNight)).isFalse();
            assertThat(shop.nextOpening(fridayNight)).contains(Instant.parse("2026-11-21T11:00:00Z"));
        }

        @Test
        void saturdayIsAHalfDayAndSundayIsClosed() {
            assertThat(shop.isOpen(local("2026-11-21T11:00", SAO_PAULO))).isTrue();
            assertThat(shop.isOpen(local("2026-11-21T12:30", SAO_PAULO))).isFalse();
            assertThat(shop.nextOpening(local("2026-11-21T12:30", SAO_PAULO)))
                    .contains(local("2026-11-23T08:00", SAO_PAULO));
            assertThat(shop.isOpen(local("2026-11-22T10:00", SAO_PAULO))).isFalse();
            assertThat(shop.nextOpening(local("2026-11-22T10:00", SAO_PAULO)))
                    .contains(local("2026-11-23T08:00", SAO_PAULO));
        }

        @Test
        void aHolidayMondayIsClosedAllDayAndTuesdayOpens() {
            WeeklySchedule withHoliday = new WeeklySchedule(SAO_PAULO, false, shopHours(),
                    Set.of(LocalDate.parse("2026-11-23")));
            assertThat(withHoliday.isOpen(local("2026-11-23T10:00", SAO_PAULO))).isFalse();
            assertThat(withHoliday.nextOpening(local("2026-11-21T12:30", SAO_PAULO)))
                    .contains(local("2026-11-24T08:00", SAO_PAULO));
            assertThat(withHoliday.nextOpening(local("2026-11-23T10:00", SAO_PAULO)))
                    .contains(local("2026-11-24T08:00", SAO_PAULO));
        }
    }

    @Test
    void theSameInstantIsJudgedInEachNumbersOwnZone() {
        WeeklySchedule saoPaulo = new WeeklySchedule(SAO_PAULO, false, shopHours(), Set.of());
        WeeklySchedule manaus = new WeeklySchedule(MANAUS, false, shopHours(), Set.of());
        Instant at = Instant.parse("2026-11-20T21:30:00Z"); // 18:30 in São Paulo, 17:30 in Manaus

        assertThat(saoPaulo.isOpen(at)).isFalse();
        assertThat(manaus.isOpen(at)).isTrue();
        assertThat(manaus.nextOpening(local("2026-11-20T22:00", MANAUS)))
                .contains(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Nested
    class AcrossLisbonDaylightSaving {

        final WeeklySchedule office = new WeeklySchedule(LISBON, false,
                Map.of(MONDAY, List.of(interval("09:00", "18:00")), FRIDAY, List.of(interval("09:00", "18:00"))),
                Set.of());

        /** Opens on Sundays inside the hour the clocks skip in March and repeat in October. */
        final WeeklySchedule sundayNights = new WeeklySchedule(LISBON, false,
                Map.of(SUNDAY, List.of(interval("01:30", "03:00"))), Set.of());

        @Test
        void clocksGoingForwardMoveTheNextOpeningAnHourEarlierInUtc() {
            // Summer time starts on Sunday 29 March 2026: Friday is UTC+0, Monday UTC+1.
            assertThat(office.nextOpening(Instant.parse("2026-03-27T18:00:00Z")))
                    .contains(Instant.parse("2026-03-30T08:00:00Z"));
            assertThat(office.isOpen(Instant.parse("2026-03-30T08:00:00Z"))).isTrue();
            assertThat(office.isOpen(Instant.parse("2026-03-30T07:59:59Z"))).isFalse();
        }

        @Test
        void clocksGoingBackMoveTheNextOpeningAnHourLaterInUtc() {
            // Summer time ends on Sunday 25 October 2026: Friday is UTC+1, Monday UTC+0.
            assertThat(office.nextOpening(Instant.parse("2026-10-23T17:00:00Z")))
                    .contains(Instant.parse("2026-10-26T09:00:00Z"));
        }

        @Test
        void anOpeningInsideTheSkippedHourHappensWhenTheClocksJump() {
            // 01:00 to 02:00 local does not exist on 29 March 2026; 01:30 is reached at the jump, 01:00 UTC.
            Instant jump = Instant.parse("2026-03-29T01:00:00Z");
            assertThat(sundayNights.nextOpening(Instant.parse("2026-03-29T00:30:00Z"))).contains(jump);
            assertThat(sundayNights.isOpen(jump)).isTrue();
            assertThat(sundayNights.isOpen(jump.minusNanos(1))).isFalse();
        }

        @Test
        void anOpeningInsideTheRepeatedHourHappensTheFirstTime() {
            // 01:00 to 02:00 local happens twice on 25 October 2026, first at UTC+1.
            assertThat(sundayNights.nextOpening(Instant.parse("2026-10-24T23:00:00Z")))
                    .contains(Instant.parse("2026-10-25T00:30:00Z"));
        }
    }

    @Test
    void alwaysOpenIsOpenAtAnyTimeEvenOnAHoliday() {
        LocalDate christmas = LocalDate.parse("2026-12-25");
        WeeklySchedule always = new WeeklySchedule(SAO_PAULO, true, Map.of(), Set.of(christmas));
        Instant christmasNight = local("2026-12-25T03:00", SAO_PAULO);

        assertThat(always.isOpen(christmasNight)).isTrue();
        assertThat(always.nextOpening(christmasNight)).contains(christmasNight);
    }

    @Test
    void noServiceHoursMeansNoOpeningAhead() {
        WeeklySchedule never = new WeeklySchedule(SAO_PAULO, false, Map.of(), Set.of());

        Instant mondayMorning = local("2026-11-16T10:00", SAO_PAULO);
        assertThat(never.isOpen(mondayMorning)).isFalse();
        assertThat(never.nextOpening(mondayMorning)).isEmpty();
    }

    @Test
    void anOpeningBeyondTheHorizonIsNotFound() {
        Map<DayOfWeek, List<Interval>> mondaysOnly = Map.of(MONDAY, List.of(interval("08:00", "18:00")));
        LocalDate firstMonday = LocalDate.parse("2026-11-23");
        Set<LocalDate> everyMondayForAYear = new HashSet<>();
        for (LocalDate day = firstMonday; day.isBefore(firstMonday.plusDays(367)); day = day.plusWeeks(1)) {
            everyMondayForAYear.add(day);
        }
        WeeklySchedule closedForAYear = new WeeklySchedule(SAO_PAULO, false, mondaysOnly, everyMondayForAYear);

        assertThat(closedForAYear.nextOpening(local("2026-11-21T12:00", SAO_PAULO))).isEmpty();
    }
}
