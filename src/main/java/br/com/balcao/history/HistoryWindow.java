package br.com.balcao.history;

import br.com.balcao.numbers.NumberView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The history looks back a number of calendar months from now, in the number's time zone. */
@Component
record HistoryWindow(Clock clock, HistoryProperties properties) {

    Instant start(ZoneId zone) {
        return clock.instant().atZone(zone).minusMonths(properties.months()).toInstant();
    }

    LocalDate today(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }

    HistoryCriteria criteria(NumberView number, HistoryFilter filter) {
        return HistoryCriteria.of(number.id(), number.zone(), start(number.zone()), filter);
    }

    int months() {
        return properties.months();
    }

    int pageSize() {
        return properties.pageSize();
    }
}
