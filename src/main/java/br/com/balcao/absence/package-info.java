/** Absence: a number's "nobody is serving" switch, its automatic message and suggested other agent. */
@ApplicationModule(allowedDependencies = {"audit", "contacts", "numbers", "security", "shared", "tickets"})
package br.com.balcao.absence;

import org.springframework.modulith.ApplicationModule;
