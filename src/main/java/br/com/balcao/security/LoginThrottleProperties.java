package br.com.balcao.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The login throttle ({@code balcao.security.login-throttle.*}), per e-mail and client address (or e-mail and known
 * device), and per client address across e-mails: past the free failures each attempt waits {@code first-delay}
 * after the last failure, doubled per further failure, up to {@code max-delay}; a key with no failure for
 * {@code forget-after} starts again from nothing (docs/hostile-input.md). How often forgotten keys are deleted,
 * {@code cleanup-interval} (1 h), is read by that job's schedule.
 */
@ConfigurationProperties("balcao.security.login-throttle")
@Validated
record LoginThrottleProperties(@DefaultValue("5") @Min(0) int freeFailuresPerAccount,
                               @DefaultValue("20") @Min(0) int freeFailuresPerAddress,
                               @DefaultValue("30s") Duration firstDelay,
                               @DefaultValue("15m") Duration maxDelay,
                               @DefaultValue("24h") Duration forgetAfter) {

    Backoff perAccount() {
        return new Backoff(freeFailuresPerAccount, firstDelay, maxDelay, forgetAfter);
    }

    Backoff perAddress() {
        return new Backoff(freeFailuresPerAddress, firstDelay, maxDelay, forgetAfter);
    }
}
