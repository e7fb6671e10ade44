package br.com.balcao.absence;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a number's absence: everyone who sees the number (its agents and managers, and
 * admins), since the guide makes it a setting "managers or agents can perform"; the audit log says who did.
 */
@Component
record AbsenceAccess(AccessPolicy access, NumberDirectory numbers, UserDirectory users) {

    /** The number's members, for the suggested agent; 404 when the user may not see the number. */
    List<UserSummary> membersOf(long numberId) {
        access.requireVisible(numberId);
        return users.byIds(numbers.membersOf(numberId).keySet());
    }
}
