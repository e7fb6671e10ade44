package br.com.balcao.channel;

import static br.com.balcao.channel.WebhookFixtures.signature;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.HelpdeskApplication;
import br.com.balcao.support.TestData;
import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole app instances in the test JVM (each a context with its own web server on a free port and its own pool) on
 * one database, as several app processes behind a load balancer would be, and a browser's and Meta's ways in.
 */
final class AppInstances {

    static final String SECRET = "two-instances-secret";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private AppInstances() {
    }

    /** An instance on this database; more arguments ("--name=value") add to or override the defaults. */
    static ConfigurableApplicationContext start(HikariDataSource database, String... more) {
        // as command-line arguments: they outrank application.yml (default properties would not)
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.hikari.maximum-pool-size=10",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--balcao.embedded-database.enabled=false",
                "--balcao.setup.enabled=false", // its users are made with SQL, no admin among them
                "--balcao.whatsapp.outbound.enabled=false",
                "--balcao.whatsapp.app-secret=" + SECRET,
                "--balcao.shutdown.drain-delay=0s",
                "--spring.main.banner-mode=off"));
        for (String argument : more) { // a property given twice would be read as both values, comma-separated
            arguments.removeIf(given -> given.startsWith(argument.substring(0, argument.indexOf('=') + 1)));
            arguments.add(argument);
        }
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(arguments.toArray(String[]::new));
    }

    static URI url(ConfigurableApplicationContext instance, String path) {
        return URI.create(base(instance) + path);
    }

    static String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the login form at this base URL ("http://host:port"). */
    static void signIn(HttpClient browser, String base, String email) throws Exception {
        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String credentials = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    /** Posts the body to the webhook at this base URL signed with {@link #SECRET}, as Meta does; the status. */
    static int postSigned(String base, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
