/** Tickets: the ticket lifecycle, its messages, notes, tags and transfers between agents. */
@ApplicationModule(allowedDependencies = {"contacts", "numbers", "security", "shared", "templates"})
package br.com.balcao.tickets;

import org.springframework.modulith.ApplicationModule;
