package br.com.balcao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application, started once and shared: every test class that carries this annotation and nothing
 * else that changes the context (its own properties, beans, profiles) runs in the same cached application
 * context, on a real PostgreSQL of its own (Testcontainers when Docker is there, otherwise a new database on the
 * embedded server of the test JVM), migrated by Flyway as in production. Pages are called through
 * {@link org.springframework.test.web.servlet.MockMvc} (the real filters, security and templates, without a
 * network server); the tests are not slices: a page test goes through its controller, the services and the SQL.
 * <ul>
 * <li>The clock is fixed by {@link TestClock}; tests move it rather than wait.</li>
 * <li>Nothing is sent to WhatsApp: outbound messages stay PENDING unless a test turns the sender on
 * ({@code balcao.whatsapp.outbound.enabled=true}). The gateway is the simulated one, so templates are kept by hand
 * as in the demo; a test of the Cloud API points a context of its own at a stub.</li>
 * <li>Distribution runs right after each commit, on the committing thread, so tests see its result at once.</li>
 * <li>Webhooks are accepted when signed with {@link #WEBHOOK_SECRET}; the handshake expects {@link #VERIFY_TOKEN}.</li>
 * <li>The dashboards' streams refresh when something happens, never by the clock alone during a test.</li>
 * </ul>
 * Since the context is shared, tests make their own data ({@link TestData} makes unique numbers, users and
 * contacts) and never count rows they did not make. Anything a test class adds to the context (a
 * {@code @TestPropertySource}, an {@code @Import} or nested configuration, {@code @ActiveProfiles},
 * {@code @MockitoBean}) makes it a context of its own, started for it: add one only when the test needs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "balcao.embedded-database.enabled=false",
        // Tests make their users with SQL, admins or not: no first-run setup in the way (see FirstRunSetupTest).
        "balcao.setup.enabled=false",
        // Media files go to the build folder, not to the checkout.
        "balcao.media.folder=target/test-media",
        "balcao.whatsapp.outbound.enabled=false",
        "balcao.whatsapp.gateway=SIMULATED",
        "balcao.whatsapp.app-secret=" + IntegrationTest.WEBHOOK_SECRET,
        "balcao.whatsapp.verify-token=" + IntegrationTest.VERIFY_TOKEN,
        "balcao.tickets.distribution-threads=0",
        // The files simulated customers send: under target/, never in the project's data folder.
        "balcao.whatsapp.simulated.media-folder=target/simulated-whatsapp",
        "balcao.monitoring.tick=1h",
        "balcao.whatsapp.health.silence-check=1h",
        // Tests' messages lie in months V21 did not create; the job would move them while tests read them.
        "balcao.messages.partition-initial-delay=1h",
        "spring.main.banner-mode=off"
})
@AutoConfigureMockMvc
@Import({TestDatabaseConfiguration.class, TestClockConfiguration.class, TestData.class})
public @interface IntegrationTest {

    /** The app secret webhooks are signed with ({@code balcao.whatsapp.app-secret}). */
    String WEBHOOK_SECRET = "test-secret";

    /** The token of Meta's handshake ({@code balcao.whatsapp.verify-token}). */
    String VERIFY_TOKEN = "test-token";
}
