package br.com.balcao.security;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.shared.BadRequestException;
import br.com.balcao.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

    /** The current user, when a manager or an admin; otherwise 403. */
    public SignedInUser requireManager() {
        SignedInUser user = currentUser();
        if (!user.isManager()) {
            throw new AccessDeniedException("managers and admins only");
        }
        return user;
    }

    /**
     * The numbers a manager's page covers, from its number filter: managers and admins only (agents get 403);
     * {@link ManagedNumbers#ALL} is every number the user may see, a number id must be one of them (404 otherwise,
     * as one that does not exist), and no choice means the header's number.
     */
    public ManagedNumbers requireManagedNumbers(String number, Optional<NumberView> selected) {
        requireManager();
        if (ManagedNumbers.ALL.equals(number)) {
            return new ManagedNumbers(visibleNumbers(), true);
        }
        if (number == null || number.isBlank()) {
            return new ManagedNumbers(selected.stream().toList(), false);
        }
        try {
            return new ManagedNumbers(List.of(requireVisible(Long.parseLong(number))), false);
        } catch (NumberFormatException e) {
            throw new BadRequestException("unknown number filter " + number);
        }
    }

    /** The numbers the current user may see, by name. */
    public List<NumberView> visibleNumbers() {
        SignedInUser user = currentUser();
        return perRequest("visibleNumbers", user, () -> user.isAdmin() ? numbers.all() : numbers.numbersOf(user.id()));
    }

    public boolean canSee(long numberId) {
        return visible(numberId).isPresent();
    }

    /** The number, if the current user may see it; otherwise 404, exactly as if it did not exist. */
    public NumberView requireVisible(long numberId) {
        return visible(numberId).orElseThrow(() -> new NotFoundException("number " + numberId));
    }

    /** Whether the current user may do this on the number (admins may do everything). */
    public boolean can(long numberId, Permission permission) {
        SignedInUser user = currentUser();
        if (user.isAdmin()) {
            return canSee(numberId);
        }
        Map<Long, Set<Permission>> permissions = perRequest("permissions", user, () -> numbers.permissionsOf(user.id()));
        return permissions.getOrDefault(numberId, Set.of()).contains(permission);
    }

    /** 404 when the number is invisible to the user, 403 when visible but the permission is missing. */
    public void require(long numberId, Permission permission) {
        requireVisible(numberId);
        if (!can(numberId, permission)) {
            throw new AccessDeniedException("missing permission " + permission + " on number " + numberId);
        }
    }

    /**
     * Whether the user may read the number's contacts (the contact list and page, the after-hours list, the
     * conversations): an agent needs CONTACTS on it; managers and admins read those of every number they see.
     */
    public boolean canReadContacts(long numberId) {
        return canSee(numberId) && (currentUser().isManager() || can(numberId, Permission.CONTACTS));
    }

    /** The number, when the user may read its contacts: 404 when it is invisible, 403 when they may not. */
    public NumberView requireContactReader(long numberId) {
        NumberView number = requireVisible(numberId);
        if (!canReadContacts(numberId)) {
            throw new AccessDeniedException("missing CONTACTS on number " + numberId);
        }
        return number;
    }

    private Optional<NumberView> visible(long numberId) {
        return visibleNumbers().stream().filter(number -> number.id() == numberId).findFirst();
    }

    /**
     * Within one GET request the user's numbers and permissions are read once: a page asks several times (the
     * header, the page's own checks). Requests that change things read them afresh, since they may change them.
     */
    @SuppressWarnings("unchecked")
    private static <T> T perRequest(String name, SignedInUser user, Supplier<T> load) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || !"GET".equals(attributes.getRequest().getMethod())) {
            return load.get();
        }
        String key = AccessPolicy.class.getName() + "." + name + "." + user.id();
        Object known = attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known == null) {
            known = load.get();
            attributes.setAttribute(key, known, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) known;
    }
}
