package br.com.balcao.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a dashboard stream may say "refresh" while events keep coming ({@code balcao.monitoring.min-interval}).
 * The refresh it sends anyway, {@code balcao.monitoring.tick} (15 s), is read by its schedule.
 */
@ConfigurationProperties("balcao.monitoring")
record MonitoringProperties(@DefaultValue("3s") Duration minInterval) {
}
