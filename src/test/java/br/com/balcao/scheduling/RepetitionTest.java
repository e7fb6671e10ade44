package br.com.balcao.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Occurrences counted from the first date and time typed, in the number's zone. */
class RepetitionTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Test
    void monthlyFromThe31stGoesOnTheLastDayOfShorterMonthsAndBackOnThe31st() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 31, 9, 0);
        assertThat(Repetition.MONTHLY.occurrence(first, 1)).isEqualTo(LocalDateTime.of(2027, 2, 28, 9, 0));
        assertThat(Repetition.MONTHLY.occurrence(first, 2)).isEqualTo(LocalDateTime.of(2027, 3, 31, 9, 0));
        assertThat(Repetition.MONTHLY.occurrence(first, 3)).isEqualTo(LocalDateTime.of(2027, 4, 30, 9, 0));
        assertThat(Repetition.MONTHLY.occurrence(LocalDateTime.of(2028, 1, 31, 9, 0), 1))
                .isEqualTo(LocalDateTime.of(2028, 2, 29, 9, 0));
    }

    @Test
    void dailyKeepsTheLocalTimeAcrossTheSpringChangeOfDaylightSavingTime() {
        LocalDateTime first = LocalDateTime.of(2026, 3, 7, 9, 0);
        Instant saturday = Repetition.DAILY.due(first, 0, NEW_YORK);
        Instant sunday = Repetition.DAILY.due(first, 1, NEW_YORK);
        assertThat(saturday).isEqualTo(Instant.parse("2026-03-07T14:00:00Z"));
        assertThat(sunday).isEqualTo(Instant.parse("2026-03-08T13:00:00Z"));
        assertThat(Duration.between(saturday, sunday)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void weeklyKeepsTheLocalTimeAcrossTheAutumnChange() {
        LocalDateTime first = LocalDateTime.of(2026, 10, 30, 9, 0);
        assertThat(Repetition.WEEKLY.due(first, 1, NEW_YORK)).isEqualTo(Instant.parse("2026-11-06T14:00:00Z"));
        assertThat(Repetition.WEEKLY.due(first, 0, NEW_YORK)).isEqualTo(Instant.parse("2026-10-30T13:00:00Z"));
    }

    @Test
    void aTimeTheClockSkipsGoesOnAfterTheJumpAndATimeThatHappensTwiceTakesTheFirst() {
        LocalDateTime skipped = LocalDateTime.of(2026, 3, 7, 2, 30);
        assertThat(Repetition.DAILY.due(skipped, 1, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        LocalDateTime twice = LocalDateTime.of(2026, 10, 31, 1, 30);
        assertThat(Repetition.DAILY.due(twice, 1, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void brazilsLastDaylightSavingTimeStartedAtMidnightWhichDidNotExist() {
        // 4 November 2018: São Paulo's clocks jumped from 00:00 to 01:00.
        LocalDateTime first = LocalDateTime.of(2018, 11, 3, 0, 0);
        assertThat(Repetition.DAILY.due(first, 0, SAO_PAULO)).isEqualTo(Instant.parse("2018-11-03T03:00:00Z"));
        assertThat(Repetition.DAILY.due(first, 1, SAO_PAULO)).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        assertThat(Repetition.DAILY.due(first, 2, SAO_PAULO)).isEqualTo(Instant.parse("2018-11-05T02:00:00Z"));
    }

    @Test
    void noneIsItsFirstOccurrence() {
        LocalDateTime first = LocalDateTime.of(2026, 11, 17, 9, 0);
        assertThat(Repetition.NONE.occurrence(first, 5)).isEqualTo(first);
    }
}
