/**
 * Settings (admins): numbers with their service hours and holidays, users and their memberships, message
 * templates and tags. Each change goes through the owning module's facade and is audited.
 */
@ApplicationModule(allowedDependencies = {
        "audit", "numbers", "security", "shared", "templates", "tickets"
})
package br.com.balcao.settings;

import org.springframework.modulith.ApplicationModule;
