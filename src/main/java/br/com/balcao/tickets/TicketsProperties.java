package br.com.balcao.tickets;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many threads assign tickets after a commit ({@code balcao.tickets.distribution-threads}); 0 assigns on the
 * committing thread itself, as the tests do to see the result at once. The sweeps' intervals
 * ({@code distribution-sweep}, {@code inactivity-sweep}) are read by their schedules.
 */
@ConfigurationProperties("balcao.tickets")
@Validated
record TicketsProperties(@DefaultValue("2") @Min(0) int distributionThreads) {
}
