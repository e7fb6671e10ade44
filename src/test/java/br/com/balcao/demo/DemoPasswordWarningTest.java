package br.com.balcao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.IntegrationTest;
import br.com.balcao.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A database that began as the demo and goes on without it: the start warns while an enabled demo account can
 * still be entered with the published password, and only then.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoPasswordWarningTest {

    private static final String WARNING = "DEMO ACCOUNTS WITH THE PUBLISHED PASSWORD";

    @Autowired
    DemoPasswordWarning warning;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void warnsWhileAnEnabledDemoAccountHasTheDemoPassword(CapturedOutput output) {
        long diego = data.user("AGENT", "diego@demo.local");
        long carla = data.user("AGENT", "carla@demo.local");
        jdbc.update("UPDATE app_users SET password_hash = ?, enabled = false WHERE id = ?",
                passwordEncoder.encode(DemoCatalog.PASSWORD), carla);

        warning.warnWhileDemoPasswordsRemain();
        assertThat(output.getOut()).doesNotContain(WARNING);

        jdbc.update("UPDATE app_users SET password_hash = ? WHERE id = ?", passwordEncoder.encode(DemoCatalog.PASSWORD),
                diego);
        warning.warnWhileDemoPasswordsRemain();
        assertThat(output.getOut()).contains(WARNING + " \"demo\": diego@demo.local\n")
                .doesNotContain("carla@demo.local");
    }

    @AfterEach
    void removeTheDemoAccounts() {
        jdbc.update("DELETE FROM app_users WHERE email IN ('diego@demo.local', 'carla@demo.local')");
    }
}
