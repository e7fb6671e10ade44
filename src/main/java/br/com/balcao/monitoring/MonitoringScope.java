package br.com.balcao.monitoring;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.ManagedNumbers;
import java.time.ZoneId;
import java.util.List;

/**
 * The numbers a dashboard covers: one, or every number the user may see ("All numbers"). Times of day are
 * shown in the first number's zone; "today" is still each ticket's own number's day.
 */
public record MonitoringScope(List<NumberView> numbers, boolean allNumbers) {

    static final String ALL = ManagedNumbers.ALL;

    Long[] ids() {
        return numbers.stream().map(NumberView::id).toArray(Long[]::new);
    }

    public boolean includes(long numberId) {
        return numbers.stream().anyMatch(number -> number.id() == numberId);
    }

    public ZoneId zone() {
        return numbers.isEmpty() ? ZoneId.of("America/Sao_Paulo") : numbers.get(0).zone();
    }

    /** The filter's value for this scope, as the page's links and stream carry it. */
    public String parameter() {
        return allNumbers || numbers.isEmpty() ? ALL : String.valueOf(numbers.get(0).id());
    }
}
