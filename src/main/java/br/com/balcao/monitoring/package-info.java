/** Monitoring: the managers' live dashboard of the service, for one number or all they may see. */
@ApplicationModule(allowedDependencies = {"live", "numbers", "security", "shared", "tickets"})
package br.com.balcao.monitoring;

import org.springframework.modulith.ApplicationModule;
