/** Contacts: the customers of each number, unique by WhatsApp id, with their details and extra fields. */
@ApplicationModule(allowedDependencies = {"numbers", "security", "shared"})
package br.com.balcao.contacts;

import org.springframework.modulith.ApplicationModule;
