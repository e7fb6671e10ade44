package br.com.balcao.conversations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How far back the contact timeline and the message search reach ({@code balcao.conversations.retention}). */
@ConfigurationProperties("balcao.conversations")
record ConversationsProperties(@DefaultValue("90d") Duration retention) {
}
