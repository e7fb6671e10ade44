package br.com.balcao.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The long-lived cookie a browser gets when it signs in: the account's e-mail, a random device id and the time
 * it was issued, signed with the app's own HMAC key ({@link SigningKeys}). It signs nobody in; it lets the login
 * throttle tell the account's own browsers from anyone else trying the account ({@link ThrottleKey}). It is sent
 * to the login page only.
 */
@Component
class DeviceCookies {

    static final String NAME = "BALCAO_DEVICE";
    private static final String KEY_PURPOSE = "device-cookie";
    private static final int DEVICE_ID_BYTES = 16;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();

    DeviceCookies(SigningKeys keys, Clock clock, DeviceCookieProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.maxAge = properties.maxAge();
    }

    /** The device the request's cookie names, if the cookie is there, intact and not too old. */
    Optional<KnownDevice> recognise(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName())).findFirst()
                .flatMap(cookie -> verify(cookie.getValue()));
    }

    /** A new device id for the browser that has just signed in to the account. */
    void issue(String email, HttpServletRequest request, HttpServletResponse response) {
        byte[] deviceId = new byte[DEVICE_ID_BYTES];
        random.nextBytes(deviceId);
        String payload = String.join(".", BASE64.encodeToString(email.getBytes(StandardCharsets.UTF_8)),
                BASE64.encodeToString(deviceId), String.valueOf(clock.instant().getEpochSecond()));
        ResponseCookie cookie = ResponseCookie.from(NAME, payload + "." + sign(payload))
                .path(request.getContextPath() + "/login")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private Optional<KnownDevice> verify(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2]);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        if (!issued.plus(maxAge).isAfter(clock.instant())) {
            return Optional.empty();
        }
        String email = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        return Optional.of(new KnownDevice(email, parts[1]));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.hmacSha256(KEY_PURPOSE));
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
