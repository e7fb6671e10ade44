package br.com.balcao.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far back the history page looks ({@code months}, counted in the number's time zone) and how many
 * tickets one page lists.
 */
@ConfigurationProperties("balcao.history")
record HistoryProperties(@DefaultValue("3") int months, @DefaultValue("25") int pageSize) {

    HistoryProperties {
        if (months < 1) {
            throw new IllegalArgumentException("balcao.history.months must be at least 1");
        }
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("balcao.history.page-size must be between 1 and 500");
        }
    }
}
