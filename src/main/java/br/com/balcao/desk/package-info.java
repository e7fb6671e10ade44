/** The Desk: the agent's workspace with their tickets, the conversation, the composer and the contact card. */
@ApplicationModule(allowedDependencies = {
        "contacts", "live", "media", "numbers", "security", "shared", "templates", "tickets"
})
package br.com.balcao.desk;

import org.springframework.modulith.ApplicationModule;
