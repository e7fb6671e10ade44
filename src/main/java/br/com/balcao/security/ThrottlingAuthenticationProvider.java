package br.com.balcao.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks the throttle before the password, so that a locked-out account is refused even with the right
 * password and an unknown e-mail is throttled the same way as a known one.
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
        String email = authentication.getName();
        var lockedUntil = throttle.lockedUntil(email);
        if (lockedUntil.isPresent()) {
            throw new ThrottledLoginException(lockedUntil.get());
        }
        try {
            Authentication result = passwordCheck.authenticate(authentication);
            throttle.recordSuccess(email);
            return result;
        } catch (BadCredentialsException e) {
            throttle.recordFailure(email);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
