package br.com.balcao.settings;

import static br.com.balcao.shared.FormSubmission.accepted;

import br.com.balcao.numbers.NumberDirectory;
import br.com.balcao.numbers.Permission;
import br.com.balcao.security.AccessPolicy;
import br.com.balcao.security.Role;
import br.com.balcao.security.SignedInUser;
import br.com.balcao.security.UserAdministration.UserForm;
import br.com.balcao.security.UserDirectory;
import br.com.balcao.security.UserSummary;
import br.com.balcao.settings.UserChanges.Memberships;
import br.com.balcao.shared.FormSubmission;
import br.com.balcao.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The users tab: the list, a new user with a password, one user's fields, status and memberships. */
@Controller
record UserSettingsController(UserDirectory users, UserChanges changes, NumberDirectory numbers, AccessPolicy access) {

    private static final String LIST = "settings/users";
    private static final String EDIT = "settings/user";

    /** The user form as typed (the password is never shown again). */
    record UserParams(@NotBlank(message = "{form.required}") @Size(max = 120, message = "{form.tooLong}") String name,
            @NotBlank(message = "{form.required}") @Size(max = 254, message = "{form.tooLong}") String email,
            @NotNull(message = "{form.required}") Role role,
            @NotNull(message = "{form.required}") @Range(min = 0, max = 100, message = "{form.range}") Integer ticketSlots,
            String password) {

        UserForm toForm() {
            return new UserForm(name, email, role, ticketSlots, password);
        }

        static UserParams of(UserSummary user) {
            return new UserParams(user.name(), user.email(), user.role(), user.ticketSlots(), "");
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
        model.addAttribute("form", new UserParams("", "", Role.AGENT, 5, ""));
        return showList(model);
    }

    @PostMapping("/settings/users")
    String create(@Valid @ModelAttribute("form") UserParams form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        return FormSubmission.result(result, response, () -> changes.create(actor, form.toForm()))
                .map(created -> saved(redirect, created, ""))
                .orElseGet(() -> showList(model));
    }

    @GetMapping("/settings/users/{userId}")
    String edit(@PathVariable long userId, Model model) {
        access.requireAdmin();
        model.addAttribute("form", UserParams.of(user(userId)));
        return showUser(model, user(userId));
    }

    @PostMapping("/settings/users/{userId}")
    String update(@PathVariable long userId, @Valid @ModelAttribute("form") UserParams form, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        UserSummary user = user(userId);
        if (!accepted(result, response, () -> changes.update(actor, userId, form.toForm()))) {
            return showUser(model, user);
        }
        return saved(redirect, userId, "");
    }

    /** Enables or disables the user; refused (the last admin), the user's page again with the reason. */
    @PostMapping("/settings/users/{userId}/enabled")
    String setEnabled(@PathVariable long userId, @RequestParam boolean enabled, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        UserSummary user = user(userId);
        UserParams form = UserParams.of(user);
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        if (!accepted(result, response, () -> changes.setEnabled(actor, userId, enabled))) {
            model.addAttribute("form", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
            return showUser(model, user);
        }
        return saved(redirect, userId, "");
    }

    /** Checkboxes: {@code member} lists the numbers the user belongs to, each permission the numbers where they have it. */
    @PostMapping("/settings/users/{userId}/memberships")
    String memberships(@PathVariable long userId, @Valid @ModelAttribute("membershipsForm") Memberships memberships,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser actor = access.requireAdmin();
        UserSummary user = user(userId);
        if (!accepted(result, response, () -> changes.setMemberships(actor, userId, memberships))) {
            model.addAttribute("form", UserParams.of(user));
            return showUser(model, user);
        }
        return saved(redirect, userId, "#memberships");
    }

    private static String saved(RedirectAttributes redirect, long userId, String part) {
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/users/" + userId + part;
    }

    private UserSummary user(long userId) {
        return users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    }

    private String showList(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return LIST;
    }

    private String showUser(Model model, UserSummary user) {
        Map<Long, Set<Permission>> current = numbers.permissionsOf(user.id());
        model.addAttribute("user", user);
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("membershipsForm")) {
            model.addAttribute("membershipsForm", new Memberships(null, null, null, null));
        }
        model.addAttribute("memberships", numbers.all().stream()
                .map(n -> new MembershipRow(n.id(), n.name(), current.containsKey(n.id()),
                        current.getOrDefault(n.id(), Set.of())))
                .toList());
        return EDIT;
    }
}
