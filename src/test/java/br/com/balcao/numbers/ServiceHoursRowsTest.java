package br.com.balcao.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.balcao.numbers.NumberSettings.HoursInterval;
import br.com.balcao.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceHoursRowsTest {

    @Test
    void eachRowIsAnIntervalOfItsDayAndEmptyRowsAreSkipped() {
        ServiceHoursRows rows = new ServiceHoursRows(List.of("MONDAY", "MONDAY", "SATURDAY"),
                List.of("08:00", " ", " 09:30 "), List.of("12:00", "", "13:15"));

        assertThat(rows.intervals()).containsExactly(
                new HoursInterval(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new HoursInterval(DayOfWeek.SATURDAY, LocalTime.of(9, 30), LocalTime.of(13, 15)));
    }

    @Test
    void midnightAsTheClosingTimeIsTheEndOfTheDay() {
        List<HoursInterval> intervals = new ServiceHoursRows(List.of("FRIDAY"), List.of("18:00"), List.of("00:00"))
                .intervals();

        assertThat(intervals).singleElement().satisfies(interval -> {
            assertThat(interval.closes()).isEqualTo(NumberSettings.END_OF_DAY);
            assertThat(interval.closesAtMidnight()).isTrue();
        });
    }

    @Test
    void noRowsAreNoIntervals() {
        assertThat(new ServiceHoursRows(null, null, null).intervals()).isEmpty();
        assertThat(ServiceHoursRows.NONE.intervals()).isEmpty();
    }

    @Test
    void aTimeThatIsNotOneOrAnUnknownDayOrRowsOutOfStepAreRefused() {
        for (ServiceHoursRows rows : List.of(
                new ServiceHoursRows(List.of("MONDAY"), List.of("8h"), List.of("12:00")),
                new ServiceHoursRows(List.of("MONDAY"), List.of("08:00"), List.of("")),
                new ServiceHoursRows(List.of("SEGUNDA"), List.of("08:00"), List.of("12:00")),
                new ServiceHoursRows(List.of("MONDAY", "TUESDAY"), List.of("08:00"), List.of("12:00")))) {
            assertThatThrownBy(rows::intervals).isInstanceOf(InvalidInputException.class)
                    .hasMessage("configuration.numbers.hoursOrder");
        }
    }
}
