package br.com.balcao.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ServiceCalendarTest {

    @Autowired
    ServiceCalendar calendar;

    @Autowired
    NumberDirectory directory;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsTheNumbersHoursHolidaysAndZone() {
        long numberId = data.number("Loja Manaus");
        jdbc.update("UPDATE business_numbers SET time_zone = 'America/Manaus' WHERE id = ?", numberId);
        for (int day = 1; day <= 5; day++) {
            hours(numberId, day, "08:00", "12:00");
            hours(numberId, day, "13:00", "18:00");
        }
        hours(numberId, 6, "08:00", "12:00");
        jdbc.update("INSERT INTO number_holidays (number_id, day, name) VALUES (?, ?, 'Consciência Negra')",
                numberId, LocalDate.parse("2026-11-20"));

        // Friday 20 November 2026, a holiday; 10:00 in Manaus.
        Instant holidayMorning = Instant.parse("2026-11-20T14:00:00Z");
        assertThat(calendar.isOpen(numberId, holidayMorning)).isFalse();
        assertThat(calendar.nextOpening(numberId, holidayMorning)).contains(Instant.parse("2026-11-21T12:00:00Z"));
        // Monday 23 November, 12:30 and 13:00 in Manaus.
        assertThat(calendar.isOpen(numberId, Instant.parse("2026-11-23T16:30:00Z"))).isFalse();
        assertThat(calendar.isOpen(numberId, Instant.parse("2026-11-23T17:00:00Z"))).isTrue();
    }

    @Test
    void aTwentyFourHourNumberIsAlwaysOpenAndANumberWithoutHoursNeverOpens() {
        long alwaysOpen = data.number("Plantão");
        jdbc.update("UPDATE business_numbers SET always_open = true WHERE id = ?", alwaysOpen);
        long noHours = data.number("Sem horário");
        Instant sundayNight = Instant.parse("2026-11-23T02:00:00Z");

        assertThat(calendar.isOpen(alwaysOpen, sundayNight)).isTrue();
        assertThat(calendar.nextOpening(alwaysOpen, sundayNight)).contains(sundayNight);
        assertThat(calendar.isOpen(noHours, sundayNight)).isFalse();
        assertThat(calendar.nextOpening(noHours, sundayNight)).isEmpty();
    }

    @Test
    void rulesCarryTheNumbersAutomationSettings() {
        long numberId = data.number("Loja");
        jdbc.update("""
                UPDATE business_numbers SET time_zone = 'Europe/Lisbon', after_hours_message = 'Fechados.',
                       notify_next_opening = true, exit_keyword = 'tchau', customer_inactivity_minutes = 30,
                       queue_timeout_minutes = 90
                 WHERE id = ?
                """, numberId);

        assertThat(directory.rules(numberId)).isEqualTo(new NumberRules(numberId, ZoneId.of("Europe/Lisbon"), false,
                "Fechados.", true, "tchau", Duration.ofMinutes(30), Duration.ofMinutes(90)));
    }

    private void hours(long numberId, int isoDay, String opens, String closes) {
        jdbc.update("INSERT INTO service_hours (number_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?::time, ?::time)",
                numberId, isoDay, opens, closes);
    }
}
