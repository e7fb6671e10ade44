package br.com.balcao.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/** Gives the browser that has just signed in its device cookie, then goes on where the login would have gone. */
class DeviceCookieSuccessHandler implements AuthenticationSuccessHandler {

    private final DeviceCookies deviceCookies;
    private final AuthenticationSuccessHandler next;

    DeviceCookieSuccessHandler(DeviceCookies deviceCookies, AuthenticationSuccessHandler next) {
        this.deviceCookies = deviceCookies;
        this.next = next;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        deviceCookies.issue(authentication.getName(), request, response);
        next.onAuthenticationSuccess(request, response, authentication);
    }
}
