/** After hours: the automatic answer outside service hours and the list of contacts who wrote then. */
@ApplicationModule(allowedDependencies = {"contacts", "numbers", "security", "shared", "tickets"})
package br.com.balcao.afterhours;

import org.springframework.modulith.ApplicationModule;
