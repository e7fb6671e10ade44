package br.com.balcao.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who the users are, for pages that list or choose them. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    private static final Sort BY_NAME = Sort.by("name", "id");

    private final UserAccountRepository users;

    UserDirectory(UserAccountRepository users) {
        this.users = users;
    }

    public List<UserSummary> all() {
        return users.findAll(BY_NAME).stream().map(UserAccount::toSummary).toList();
    }

    public List<UserSummary> byIds(Collection<Long> ids) {
        return users.findAllById(ids).stream().map(UserAccount::toSummary)
                .sorted(java.util.Comparator.comparing(UserSummary::name).thenComparing(UserSummary::id)).toList();
    }

    public Optional<UserSummary> find(long userId) {
        return users.findById(userId).map(UserAccount::toSummary);
    }

    /** Whether the installation has an admin, disabled or not: none means it waits for its first-run setup. */
    public boolean hasAdmin() {
        return users.existsByRole(Role.ADMIN);
    }
}
