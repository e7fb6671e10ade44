package br.com.balcao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link IntegrationTest} served on a random port, for the browser tests: the same real PostgreSQL of
 * the context's own and the same fixed {@link TestClock}, with an embedded web server the browser can reach.
 * <p>
 * Its imports are {@code @IntegrationTest}'s and so are its first properties; the sender, the distribution, the
 * webhook's secret and the dashboards' refresh keep the application's own settings.
 * A separate annotation because a second {@code @SpringBootTest} placed next to {@code @IntegrationTest}
 * would hide the meta-annotation's one, properties included, instead of merging with it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "balcao.embedded-database.enabled=false",
        // Tests make their users with SQL, admins or not: no first-run setup in the way (see FirstRunSetupTest).
        "balcao.setup.enabled=false",
        "balcao.media.folder=target/test-media",
        // The files simulated customers send: under target/, never in the project's data folder.
        "balcao.whatsapp.simulated.media-folder=target/simulated-whatsapp",
        // no load balancer to wait for when the context closes
        "balcao.shutdown.drain-delay=0s",
        "balcao.messages.partition-initial-delay=1h",
        "spring.main.banner-mode=off"
})
@Import({TestDatabaseConfiguration.class, TestClockConfiguration.class, TestData.class})
public @interface BrowserTestApplication {
}
