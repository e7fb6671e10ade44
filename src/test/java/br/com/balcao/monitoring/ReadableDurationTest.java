package br.com.balcao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadableDurationTest {

    @Test
    void secondsAlone() {
        assertThat(ReadableDuration.format(Duration.ZERO)).isEqualTo("0 s");
        assertThat(ReadableDuration.format(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(ReadableDuration.format(Duration.ofMillis(59_999))).isEqualTo("59 s");
    }

    @Test
    void minutesWithTheirSeconds() {
        assertThat(ReadableDuration.format(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(ReadableDuration.format(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(ReadableDuration.format(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(ReadableDuration.format(Duration.ofSeconds(3599))).isEqualTo("59 min 59 s");
    }

    @Test
    void hoursWithTheirMinutesTheSecondsCutOff() {
        assertThat(ReadableDuration.format(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
        assertThat(ReadableDuration.format(Duration.ofSeconds(3600 + 5 * 60 + 59))).isEqualTo("1 h 05 min");
        assertThat(ReadableDuration.format(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(ReadableDuration.format(Duration.ofMinutes(23 * 60 + 59))).isEqualTo("23 h 59 min");
    }

    @Test
    void daysWithTheirHours() {
        assertThat(ReadableDuration.format(Duration.ofHours(51))).isEqualTo("2 d 03 h");
        assertThat(ReadableDuration.format(Duration.ofDays(3))).isEqualTo("3 d");
    }

    @Test
    void nothingToMeasureAndClockSkew() {
        assertThat(ReadableDuration.format(null)).isEqualTo("—");
        assertThat(ReadableDuration.format(Duration.ofSeconds(-4))).isEqualTo("0 s");
    }
}
