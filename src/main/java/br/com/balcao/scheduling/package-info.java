/** Scheduled messages: an agent's text for a contact, sent at a date and time of the number's zone, optionally repeating. */
@ApplicationModule(allowedDependencies = {"contacts", "live", "numbers", "security", "shared", "templates", "tickets"})
package br.com.balcao.scheduling;

import org.springframework.modulith.ApplicationModule;
