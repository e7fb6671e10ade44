package br.com.balcao.security;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.shared.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place that decides who may see what. A user sees the numbers they are a member of (admins see
 * every number) and nothing of any other: an object of a number the user may not see is "not found".
 * Every controller that takes an id asks here, with the number the object belongs to.
 */
@Service
public class AccessPolicy {

    private final NumberDirectory numbers;

    AccessPolicy(NumberDirectory numbers) {
        this.numbers = numbers;
    }

    public SignedInUser currentUser() {
        return signedInUser().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public Optional<SignedInUser> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountDetails account) {
            return Optional.of(account.user());
        }
        return Optional.empty();
    }

    /** The current user, when an admin; otherwise 403 (configuration pages). */
    public SignedInUser requireAdmin() {
        SignedInUser user = currentUser();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("admins only");
        }
        return user;
    }

    /** The numbers the current user may see, by name. */
    public List<NumberView> visibleNumbers() {
        SignedInUser user = currentUser();
        return user.isAdmin() ? numbers.all() : numbers.numbersOf(user.id());
    }

    public boolean canSee(long numberId) {
        SignedInUser user = currentUser();
        return user.isAdmin() ? numbers.find(numberId).isPresent()
                : numbers.permissionsOf(user.id()).containsKey(numberId);
    }

    /** The number, if the current user may see it; otherwise 404, exactly as if it did not exist. */
    public NumberView requireVisible(long numberId) {
        if (!canSee(numberId)) {
            throw new NotFoundException("number " + numberId);
        }
        return numbers.find(numberId).orElseThrow(() -> new NotFoundException("number " + numberId));
    }

    /** Whether the current user may do this on the number (admins may do everything). */
    public boolean can(long numberId, Permission permission) {
        SignedInUser user = currentUser();
        if (user.isAdmin()) {
            return numbers.find(numberId).isPresent();
        }
        return numbers.permissionsOf(user.id()).getOrDefault(numberId, Set.of()).contains(permission);
    }

    /** 404 when the number is invisible to the user, 403 when visible but the permission is missing. */
    public void require(long numberId, Permission permission) {
        requireVisible(numberId);
        if (!can(numberId, permission)) {
            throw new AccessDeniedException("missing permission " + permission + " on number " + numberId);
        }
    }
}
