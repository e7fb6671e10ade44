package br.com.balcao.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the signed cookie of a browser that once signed in ({@link DeviceCookies}) lets it skip the throttle
 * others' failures cause ({@code balcao.security.device-cookie.max-age}).
 */
@ConfigurationProperties("balcao.security.device-cookie")
record DeviceCookieProperties(@DefaultValue("180d") Duration maxAge) {
}
