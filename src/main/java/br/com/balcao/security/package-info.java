/**
 * Security: users, login and its throttling, the access policy, the agent status switch, streams ended with
 * their session.
 */
@ApplicationModule(allowedDependencies = {"numbers", "shared"})
package br.com.balcao.security;

import org.springframework.modulith.ApplicationModule;
