package br.com.balcao.absence;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.Role;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may turn a number's absence on or off: admins, the number's managers, and an agent when they are the
 * number's only (enabled) agent, since then nobody else could tell customers they are away.
 */
@Component
class AbsenceAccess {

    private final AccessPolicy access;
    private final NumberDirectory numbers;
    private final UserDirectory users;

    AbsenceAccess(AccessPolicy access, NumberDirectory numbers, UserDirectory users) {
        this.access = access;
        this.numbers = numbers;
        this.users = users;
    }

    /** The number's members, for the suggested agent; 404 when the user may not see the number. */
    List<UserSummary> membersOf(long numberId) {
        access.requireVisible(numberId);
        return users.byIds(numbers.membersOf(numberId).keySet());
    }

    boolean mayManage(long numberId, List<UserSummary> members) {
        SignedInUser user = access.currentUser();
        if (user.isAdmin()) {
            return true;
        }
        if (user.role() == Role.MANAGER) {
            return members.stream().anyMatch(member -> member.id() == user.id());
        }
        List<UserSummary> agents = members.stream()
                .filter(member -> member.role() == Role.AGENT && member.enabled()).toList();
        return agents.size() == 1 && agents.get(0).id() == user.id();
    }

    void requireManage(long numberId, List<UserSummary> members) {
        if (!mayManage(numberId, members)) {
            throw new AccessDeniedException("may not change the absence of number " + numberId);
        }
    }
}
