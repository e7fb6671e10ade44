package br.com.balcao.security;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Asks the throttle before the password, so that a refused attempt is refused whatever its password and an
 * unknown e-mail is throttled the same way as a known one. The attempt is counted as a failure until the
 * password proves right; the password check says "disabled" (an {@link AccountStatusException}) only then.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(AuthenticationProvider passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginOrigin origin = authentication.getDetails() instanceof LoginOrigin given ? given : LoginOrigin.UNKNOWN;
        var keys = ThrottleKey.of(authentication.getName(), origin);
        throttle.admit(keys);
        try {
            Authentication result = passwordCheck.authenticate(authentication);
            throttle.passwordAccepted(keys);
            return result;
        } catch (AccountStatusException rightPasswordButRefused) {
            throttle.passwordAccepted(keys);
            throw rightPasswordButRefused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
