/** The WhatsApp channel: the Cloud API webhook in, the gateway out, and the customer simulator. */
@ApplicationModule(allowedDependencies = {
        "absence", "afterhours", "contacts", "live", "media", "numbers", "security", "shared", "templates", "tickets"
})
package br.com.balcao.channel;

import org.springframework.modulith.ApplicationModule;
