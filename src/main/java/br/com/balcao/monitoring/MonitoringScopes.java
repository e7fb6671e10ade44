package br.com.balcao.monitoring;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.ManagedNumbers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who may watch which numbers: those of a manager's page ({@link AccessPolicy#requireManagedNumbers}). */
@Component
record MonitoringScopes(AccessPolicy access) {

    MonitoringScope resolve(String number, Optional<NumberView> selected) {
        ManagedNumbers chosen = access.requireManagedNumbers(number, selected);
        return new MonitoringScope(chosen.numbers(), chosen.all());
    }
}
