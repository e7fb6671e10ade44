package br.com.balcao.settings;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.Role;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.security.UserAdministration.UserForm;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import br.com.balcao.settings.FormAttempt.Context;
import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users tab: the list, a new user with a password, one user's fields, status and memberships. */
@Controller
class UserSettingsController {

    private static final String LIST = "settings/users";
    private static final String EDIT = "settings/user";

    private final UserDirectory users;
    private final UserChanges changes;
    private final NumberDirectory numbers;
    private final AccessPolicy access;
    private final FormAttempt attempt;

    UserSettingsController(UserDirectory users, UserChanges changes, NumberDirectory numbers, AccessPolicy access,
            FormAttempt attempt) {
        this.users = users;
        this.changes = changes;
        this.numbers = numbers;
        this.access = access;
        this.attempt = attempt;
    }

    /** The user form as typed (the password is never shown again). */
    record UserParams(String name, String email, String role, String ticketSlots, String password) {

        UserForm toForm() {
            Role parsedRole;
            int slots;
            try {
                parsedRole = Role.valueOf(role == null ? "" : role);
            } catch (IllegalArgumentException bad) {
                throw new InvalidInputException("configuration.form.invalid", label("configuration.users.role"));
            }
            try {
                slots = Integer.parseInt(ticketSlots == null ? "" : ticketSlots.strip());
            } catch (NumberFormatException bad) {
                throw new InvalidInputException("configuration.form.invalid", label("configuration.users.slots"));
            }
            return new UserForm(name, email, parsedRole, slots, password);
        }

        static UserParams of(UserSummary user) {
            return new UserParams(user.name(), user.email(), user.role().name(), String.valueOf(user.ticketSlots()), "");
        }
    }

    /** One number's row in the memberships form. */
    record MembershipRow(long numberId, String numberName, boolean member, Set<Permission> permissions) {

        public boolean has(String permission) {
            return permissions.contains(Permission.valueOf(permission));
        }
    }

    @GetMapping("/settings/users")
    String list(Model model) {
        access.requireAdmin();
        return showList(model, new UserParams("", "", Role.AGENT.name(), "5", ""));
    }

    @PostMapping("/settings/users")
    String create(UserParams params, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Locale locale) {
        SignedInUser actor = access.requireAdmin();
        return attempt.run(new Context(model, response, redirect, locale),
                () -> "/settings/users/" + changes.create(actor, params.toForm()),
                () -> showList(model, new UserParams(params.name(), params.email(), params.role(), params.ticketSlots(), "")));
    }

    @GetMapping("/settings/users/{userId}")
    String edit(@PathVariable long userId, Model model) {
        access.requireAdmin();
        return showUser(model, user(userId), UserParams.of(user(userId)));
    }

    @PostMapping("/settings/users/{userId}")
    String update(@PathVariable long userId, UserParams params, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        UserSummary user = user(userId);
        return attempt.run(new Context(model, response, redirect, locale), () -> {
            changes.update(actor, userId, params.toForm());
            return "/settings/users/" + userId;
        }, () -> showUser(model, user, new UserParams(params.name(), params.email(), params.role(), params.ticketSlots(), "")));
    }

    @PostMapping("/settings/users/{userId}/enabled")
    String setEnabled(@PathVariable long userId, @RequestParam boolean enabled, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        SignedInUser actor = access.requireAdmin();
        UserSummary user = user(userId);
        return attempt.run(new Context(model, response, redirect, locale), () -> {
            changes.setEnabled(actor, userId, enabled);
            return "/settings/users/" + userId;
        }, () -> showUser(model, user, UserParams.of(user)));
    }

    /** Checkboxes: {@code member} lists the numbers the user belongs to, each permission the numbers where they have it. */
    @PostMapping("/settings/users/{userId}/memberships")
    String memberships(@PathVariable long userId, @RequestParam(defaultValue = "") List<Long> member,
            @RequestParam(defaultValue = "") List<Long> reply, @RequestParam(defaultValue = "") List<Long> activeMessage,
            @RequestParam(defaultValue = "") List<Long> contacts, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        user(userId);
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
        changes.setMemberships(actor, userId, permissions);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/users/" + userId + "#memberships";
    }

    private UserSummary user(long userId) {
        return users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    }

    private String showList(Model model, UserParams form) {
        model.addAttribute("users", users.all());
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        return LIST;
    }

    private String showUser(Model model, UserSummary user, UserParams form) {
        Map<Long, Set<Permission>> current = numbers.permissionsOf(user.id());
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("memberships", numbers.all().stream()
                .map(n -> new MembershipRow(n.id(), n.name(), current.containsKey(n.id()),
                        current.getOrDefault(n.id(), Set.of())))
                .toList());
        return EDIT;
    }
}
