package br.com.balcao.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.balcao.support.BrowserTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code BALCAO_BEHIND_TLS_PROXY=true}, through the real web server (Tomcat reads the forwarded headers, not
 * Spring MVC): the tests' requests come from 127.0.0.1, a private address, as a proxy's would.
 */
@BrowserTestApplication
@TestPropertySource(properties = "balcao.behind-tls-proxy=true")
@ExtendWith(OutputCaptureExtension.class)
class TlsProxyTest {

    private static final String CLIENT = "203.0.113.7";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anHttpsRequestThroughTheProxyIsAnsweredWithHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", CLIENT).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        assertThat(response.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("SESSION="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    }

    @Test
    void aPlainHttpRequestGetsNoHsts() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/login")).GET());

        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** The proxy appends the address it saw to what the client sent: that one is the client's, not the first. */
    @Test
    void theClientsAddressIsTheOneTheProxyForwarded(CapturedOutput output) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/webhooks/whatsapp"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.9, " + CLIENT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(output.getOut()).contains("wrong signature from " + CLIENT);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
