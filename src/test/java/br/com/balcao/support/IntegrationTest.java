package br.com.balcao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full application context on a real PostgreSQL of its own (Testcontainers when Docker is there,
 * otherwise the embedded server), with the clock fixed by {@link TestClock}. Nothing is sent to WhatsApp:
 * outbound messages stay PENDING unless a test turns the sender on ({@code balcao.whatsapp.outbound.enabled=true}).
 * Distribution runs right after each commit, on the committing thread, so tests see its result at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "balcao.embedded-database.enabled=false",
        // Tests make their users with SQL, admins or not: no first-run setup in the way (see FirstRunSetupTest).
        "balcao.setup.enabled=false",
        "balcao.whatsapp.outbound.enabled=false",
        "balcao.tickets.distribution-threads=0",
        "spring.main.banner-mode=off"
})
@Import({TestDatabaseConfiguration.class, TestClockConfiguration.class, TestData.class})
public @interface IntegrationTest {
}
