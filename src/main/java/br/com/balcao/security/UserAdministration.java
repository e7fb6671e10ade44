package br.com.balcao.security;

import static br.com.balcao.shared.InvalidInputException.label;

import br.com.balcao.shared.InvalidInputException;
import br.com.balcao.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing users (for the settings page). A disabled user cannot sign in and their open
 * sessions end at once; so do the sessions of a user whose role changes, which the session had kept, and a
 * user's other sessions when their password changes (someone who had it may be signed in with it).
 * The last enabled admin can be neither disabled nor demoted.
 */
@Service
@Transactional
public class UserAdministration {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final int DEFAULT_TICKET_SLOTS = 5;

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final UserSessions sessions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    UserAdministration(UserAccountRepository users, PasswordEncoder passwordEncoder,
            UserSessions sessions, JdbcTemplate jdbc, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an admin types for a user; the password only when creating or changing it. */
    public record UserForm(String name, String email, Role role, int ticketSlots, String password) {
    }

    public UserSummary create(UserForm form) {
        String password = password(form.password(), true);
        UserAccount account = new UserAccount(name(form.name()), email(form.email()), passwordEncoder.encode(password),
                role(form.role()), clock.instant());
        account.edit(account.getName(), account.getEmail(), account.getRole(), slots(form.ticketSlots()));
        return save(account).toSummary();
    }

    /**
     * The installation's first admin, at the first-run setup, with a stronger password than {@link #create} asks.
     * Concurrent setups take turns on a lock held to the end of the caller's transaction, so that the second
     * finds the first one's admin and is refused as if the setup were gone.
     */
    public UserSummary createFirstAdmin(String name, String email, String password) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('balcao.first-admin'))");
        if (users.existsByRole(Role.ADMIN)) {
            throw new NotFoundException("first-run setup");
        }
        String checkedEmail = email(email);
        PasswordRules.check(password == null ? "" : password, checkedEmail);
        return create(new UserForm(name, checkedEmail, Role.ADMIN, DEFAULT_TICKET_SLOTS, password));
    }

    /** Changes the user; a blank password keeps the current one. */
    public UserSummary update(long userId, UserForm form) {
        UserAccount account = account(userId);
        Role role = role(form.role());
        if (account.getRole() == Role.ADMIN && role != Role.ADMIN && account.isEnabled()) {
            requireAnotherAdmin(userId);
        }
        String oldEmail = account.getEmail();
        boolean roleChanged = account.getRole() != role;
        account.edit(name(form.name()), email(form.email()), role, slots(form.ticketSlots()));
        String password = password(form.password(), false);
        if (!password.isEmpty()) {
            account.changePassword(passwordEncoder.encode(password));
        }
        UserSummary saved = save(account).toSummary();
        if (roleChanged || !oldEmail.equals(saved.email())) {
            sessions.endAll(oldEmail);
        } else if (!password.isEmpty()) {
            sessions.endAllButCurrent(oldEmail);
        }
        return saved;
    }

    /** Disables (the user's sessions end) or enables a user. */
    public UserSummary setEnabled(long userId, boolean enabled) {
        UserAccount account = account(userId);
        if (!enabled && account.isEnabled() && account.getRole() == Role.ADMIN) {
            requireAnotherAdmin(userId);
        }
        account.setEnabled(enabled);
        users.flush();
        if (!enabled) {
            sessions.endAll(account.getEmail());
        }
        return account.toSummary();
    }

    /** Locks every enabled admin's row, so two admins demoting each other at once cannot both succeed. */
    private void requireAnotherAdmin(long userId) {
        List<Long> admins = jdbc.queryForList(
                "SELECT id FROM app_users WHERE role = 'ADMIN' AND enabled ORDER BY id FOR UPDATE", Long.class);
        if (admins.stream().noneMatch(id -> id != userId)) {
            throw new InvalidInputException("configuration.users.lastAdmin");
        }
    }

    private UserAccount account(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("user"));
    }

    private UserAccount save(UserAccount account) {
        return InvalidInputException.unlessDuplicate(() -> users.saveAndFlush(account),
                "configuration.users.duplicateEmail", account.getEmail());
    }

    private static String name(String raw) {
        return InvalidInputException.requiredText(raw, 120, "configuration.users.name");
    }

    private static String email(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.users.email"));
        }
        return email;
    }

    private static Role role(Role role) {
        if (role == null) {
            throw new InvalidInputException("configuration.form.required", label("configuration.users.role"));
        }
        return role;
    }

    private static int slots(int slots) {
        if (slots < 0 || slots > 100) {
            throw new InvalidInputException("configuration.form.invalid", label("configuration.users.slots"));
        }
        return slots;
    }

    private static String password(String raw, boolean required) {
        String password = raw == null ? "" : raw;
        if (password.isEmpty() && !required) {
            return "";
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("configuration.users.passwordTooShort", MIN_PASSWORD_LENGTH);
        }
        return password;
    }
}
