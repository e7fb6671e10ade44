package br.com.balcao.settings;

import br.com.balcao.audit.AuditLog;
import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.NumberSettings;
import br.com.balcao.numbers.NumberView;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.security.UserAdministration;
import br.com.balcao.security.UserAdministration.UserForm;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import br.com.balcao.shared.NotFoundException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to users and their memberships, each with its audit row (a password is never written there). */
@Service
@Transactional
class UserChanges {

    private final UserAdministration users;
    private final UserDirectory directory;
    private final NumberSettings numberSettings;
    private final NumberDirectory numbers;
    private final AuditLog audit;

    UserChanges(UserAdministration users, UserDirectory directory, NumberSettings numberSettings,
            NumberDirectory numbers, AuditLog audit) {
        this.users = users;
        this.directory = directory;
        this.numberSettings = numberSettings;
        this.numbers = numbers;
        this.audit = audit;
    }

    long create(SignedInUser actor, UserForm form) {
        UserSummary created = users.create(form);
        audit.record(actor, "user.created", created.email(), Map.of(), fields(created, false));
        return created.id();
    }

    /** The first admin, at the first-run setup: the audit row has them as its author, there being no other. */
    SignedInUser createFirstAdmin(String name, String email, String password) {
        UserSummary created = users.createFirstAdmin(name, email, password);
        SignedInUser admin = new SignedInUser(created.id(), created.name(), created.email(), created.role());
        audit.record(admin, "user.created", created.email(), Map.of(), fields(created, false));
        return admin;
    }

    void update(SignedInUser actor, long userId, UserForm form) {
        UserSummary before = user(userId);
        UserSummary after = users.update(userId, form);
        boolean passwordChanged = form.password() != null && !form.password().isEmpty();
        audit.record(actor, "user.updated", after.email(), fields(before, false), fields(after, passwordChanged));
    }

    void setEnabled(SignedInUser actor, long userId, boolean enabled) {
        UserSummary before = user(userId);
        UserSummary after = users.setEnabled(userId, enabled);
        audit.record(actor, enabled ? "user.enabled" : "user.disabled", after.email(), fields(before, false),
                fields(after, false));
    }

    /**
     * The memberships form as checked: the numbers the user belongs to, and for each permission the numbers
     * where they have it (a permission on a number they do not belong to is ignored). A missing list is none.
     */
    record Memberships(List<Long> member, List<Long> reply, List<Long> activeMessage, List<Long> contacts) {

        Memberships {
            member = member == null ? List.of() : member;
            reply = reply == null ? List.of() : reply;
            activeMessage = activeMessage == null ? List.of() : activeMessage;
            contacts = contacts == null ? List.of() : contacts;
        }

        /** Each number the user belongs to, with the permissions they have there. */
        private Map<Long, Set<Permission>> byNumber() {
            Map<Long, Set<Permission>> permissions = new HashMap<>();
            for (Long numberId : member) {
                Set<Permission> granted = EnumSet.noneOf(Permission.class);
                if (reply.contains(numberId)) {
                    granted.add(Permission.REPLY);
                }
                if (activeMessage.contains(numberId)) {
                    granted.add(Permission.ACTIVE_MESSAGE);
                }
                if (contacts.contains(numberId)) {
                    granted.add(Permission.CONTACTS);
                }
                permissions.put(numberId, granted);
            }
            return permissions;
        }
    }

    /** Sets the user's membership of each number as the form has it. */
    void setMemberships(SignedInUser actor, long userId, Memberships memberships) {
        Map<Long, Set<Permission>> permissionsByNumber = memberships.byNumber();
        UserSummary user = user(userId);
        Map<Long, Set<Permission>> before = numbers.permissionsOf(userId);
        for (NumberView number : numbers.all()) {
            Set<Permission> old = before.get(number.id());
            Set<Permission> now = permissionsByNumber.get(number.id());
            if (old == null && now == null || old != null && old.equals(now)) {
                continue;
            }
            numberSettings.setMembership(userId, number.id(), now != null, now == null ? Set.of() : now);
            audit.record(actor, "user.membershipChanged", user.email() + " @ " + number.name(),
                    Map.of("permissions", describe(old)), Map.of("permissions", describe(now)));
        }
    }

    private UserSummary user(long userId) {
        return directory.find(userId).orElseThrow(() -> new NotFoundException("user"));
    }

    private static String describe(Set<Permission> permissions) {
        return permissions == null ? "-" : permissions.isEmpty() ? "(member)" : new TreeSet<>(permissions).toString();
    }

    private static Map<String, Object> fields(UserSummary user, boolean passwordChanged) {
        Map<String, Object> fields = AuditLog.fields("name", user.name(), "email", user.email(), "role", user.role(),
                "ticketSlots", user.ticketSlots(), "enabled", user.enabled());
        if (passwordChanged) {
            fields.put("password", "(changed)");
        }
        return fields;
    }
}
