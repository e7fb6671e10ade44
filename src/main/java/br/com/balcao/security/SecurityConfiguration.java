package br.com.balcao.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: every page's script and CSS come from this origin's files. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "media-src 'self' blob:", // the voice recorder's preview plays the recording from the page's memory
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Meta's webhook: the HMAC signature is its authentication (checked by the channel), so no session, no
     * CSRF token, no saved request; the shortest chain, for the busiest endpoint.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http
            .securityMatcher("/webhooks/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            DeviceCookies deviceCookies, SessionStreams sessionStreams) throws Exception {
        http
            .authenticationManager(authenticationManager)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/setup", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                        "/favicon.ico", "/favicon.svg").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("username")
                .passwordParameter("password")
                .authenticationDetailsSource(request -> LoginOrigin.of(request, deviceCookies))
                .successHandler(new DeviceCookieSuccessHandler(deviceCookies, savedRequestOrHome()))
                .failureHandler(loginFailureHandler())
                .permitAll())
            .logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessUrl("/login?logout")
                .addLogoutHandler(new SessionStreamsLogoutHandler(sessionStreams))
                .deleteCookies("SESSION"))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // The microphone for the composer's voice notes, on this origin only.
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(self), geolocation=()")));
        return http.build();
    }

    /**
     * The only way in: the throttle first, then the password; no parent manager to fall back on. The account's
     * status is checked after the password (Spring checks it before by default), so that "disabled" is said
     * only to someone who knows the password, and a wrong one reads the same for every account.
     */
    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder passwordEncoder,
                                                LoginThrottle throttle) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(accounts);
        passwordCheck.setPasswordEncoder(passwordEncoder);
        passwordCheck.setPreAuthenticationChecks(account -> { });
        passwordCheck.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ProviderManager(new ThrottlingAuthenticationProvider(passwordCheck, throttle));
    }

    /**
     * Session attributes written with PostgreSQL's upsert: concurrent requests of a fresh session (tabs opened at
     * once after signing in) each add the same attribute, and a plain INSERT failed all but the first with 500.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Where a login goes: the page asked for before signing in, or home. */
    private static AuthenticationSuccessHandler savedRequestOrHome() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    private static AuthenticationFailureHandler loginFailureHandler() {
        return (request, response, exception) -> {
            String reason = "bad";
            if (exception instanceof ThrottledLoginException throttled) {
                reason = "locked&retry=" + throttled.retryAfterSeconds();
            } else if (exception instanceof DisabledException) {
                reason = "disabled";
            }
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
