package br.com.balcao.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void doublesFromTwoSecondsUpToFiveMinutes() {
        assertThat(RetryBackoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryBackoff.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryBackoff.ceiling(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryBackoff.ceiling(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(RetryBackoff.ceiling(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RetryBackoff.ceiling(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitterKeepsEachWaitBetweenHalfAndAllOfItsCeiling() {
        assertThat(RetryBackoff.after(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryBackoff.after(3, 0.999)).isBetween(Duration.ofMillis(7_990), Duration.ofSeconds(8));
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration wait = RetryBackoff.after(attempt);
            assertThat(wait).isBetween(RetryBackoff.ceiling(attempt).dividedBy(2), RetryBackoff.ceiling(attempt));
        }
    }
}
