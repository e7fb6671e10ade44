package br.com.balcao.reports;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.ManagedNumbers;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The numbers a report covers: one, or every number the user may see ("all"). Managers and admins only (agents
 * get 403); a number the user may not see is 404, as one that does not exist; no choice means the header's number.
 */
public record ReportScope(List<NumberView> numbers, boolean allNumbers) {

    static final String ALL = ManagedNumbers.ALL;

    static ReportScope resolve(AccessPolicy access, String number, Optional<NumberView> selected) {
        ManagedNumbers chosen = access.requireManagedNumbers(number, selected);
        return new ReportScope(chosen.numbers(), chosen.all());
    }

    public boolean includes(long numberId) {
        return numbers.stream().anyMatch(number -> number.id() == numberId);
    }

    List<Long> ids() {
        return numbers.stream().map(NumberView::id).toList();
    }

    /** The zone that says which day "today" is for the period's choices: the first number's. */
    ZoneId zone() {
        return numbers.isEmpty() ? ZoneId.of("America/Sao_Paulo") : numbers.get(0).zone();
    }

    public String parameter() {
        return allNumbers || numbers.isEmpty() ? ALL : String.valueOf(numbers.get(0).id());
    }
}
