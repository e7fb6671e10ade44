package br.com.balcao.monitoring;

import br.com.balcao.numbers.NumberView;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.shared.BadRequestException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may watch which numbers: managers and admins only (agents get 403); "all" is every number the user
 * may see, a number id must be one of them (404 otherwise), and no choice means the header's number.
 */
@Component
record MonitoringScopes(AccessPolicy access) {

    MonitoringScope resolve(String number, Optional<NumberView> selected) {
        access.requireManager();
        List<NumberView> visible = access.visibleNumbers();
        if (MonitoringScope.ALL.equals(number)) {
            return new MonitoringScope(visible, true);
        }
        if (number == null || number.isBlank()) {
            return new MonitoringScope(selected.stream().toList(), false);
        }
        try {
            return new MonitoringScope(List.of(access.requireVisible(Long.parseLong(number))), false);
        } catch (NumberFormatException e) {
            throw new BadRequestException("unknown number filter " + number);
        }
    }
}
