package br.com.balcao.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At every start, with or without the demo profile, warns while an enabled demo account still has the published
 * password: a database that began as the demo and went on as a real installation lets anyone sign in as its admin.
 */
@Component
class DemoPasswordWarning {

    private static final Logger log = LoggerFactory.getLogger(DemoPasswordWarning.class);
    private static final String RULE = "*".repeat(100);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    DemoPasswordWarning(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhileDemoPasswordsRemain() {
        List<String> open = accountsWithTheDemoPassword();
        if (!open.isEmpty()) {
            log.warn("\n{}\n*  DEMO ACCOUNTS WITH THE PUBLISHED PASSWORD \"{}\": {}\n"
                    + "*  Anyone can sign in with them. Unless this is only the demo, give them other passwords or disable "
                    + "them (Settings > Users).\n{}", RULE, DemoCatalog.PASSWORD, String.join(", ", open), RULE);
        }
    }

    private List<String> accountsWithTheDemoPassword() {
        String[] emails = DemoCatalog.USERS.stream().map(DemoCatalog.User::email).toArray(String[]::new);
        return jdbc.query("SELECT email, password_hash FROM app_users WHERE email = ANY (?) AND enabled ORDER BY id",
                        (row, i) -> new Account(row.getString("email"), row.getString("password_hash")), (Object) emails)
                .stream().filter(account -> passwordEncoder.matches(DemoCatalog.PASSWORD, account.passwordHash()))
                .map(Account::email).toList();
    }

    private record Account(String email, String passwordHash) {
    }
}
