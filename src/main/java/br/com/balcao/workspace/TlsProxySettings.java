package br.com.balcao.workspace;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code BALCAO_BEHIND_TLS_PROXY=true} ({@code balcao.behind-tls-proxy}): the app is reached through a proxy that
 * terminates TLS. Tomcat then takes the client's address and scheme from the proxy's {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}, trusted from proxies of the private address ranges only
 * ({@code server.tomcat.remoteip.internal-proxies}), so that {@code request.getRemoteAddr()} is the client's and
 * an https request is secure (Spring Security adds HSTS to its answers); and the session cookie is Secure.
 * Off by default, for the demo on plain http. Each setting stays overridable by its own Spring property.
 */
public class TlsProxySettings implements EnvironmentPostProcessor {

    static final String SWITCH = "balcao.behind-tls-proxy";
    static final Map<String, Object> SETTINGS = Map.of(
            "server.forward-headers-strategy", "native",
            "server.servlet.session.cookie.secure", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(SWITCH, Boolean.class, false)) {
            environment.getPropertySources().addLast(new MapPropertySource("balcaoBehindTlsProxy", SETTINGS));
        }
    }
}
