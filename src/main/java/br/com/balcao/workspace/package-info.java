/**
 * The workspace around every page: the header (number selector, status, language), the home page, the web
 * configuration.
 */
@ApplicationModule(allowedDependencies = {"numbers", "security", "shared", "tickets"})
package br.com.balcao.workspace;

import org.springframework.modulith.ApplicationModule;
