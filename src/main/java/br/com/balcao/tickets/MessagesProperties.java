package br.com.balcao.tickets;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long messages are kept ({@code balcao.messages.retention}, a period such as {@code P2Y} or {@code 24m}); none
 * keeps every message. Retention drops whole months of messages, those that ended before now minus the period.
 */
@ConfigurationProperties("balcao.messages")
record MessagesProperties(Period retention) {
}
