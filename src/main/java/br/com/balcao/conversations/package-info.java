/**
 * Desk Conversations: a contact-centred view across tickets, the global search by name, phone and message
 * content over the numbers the user may see, the composer by the conversation's state, and transfer requests.
 */
@ApplicationModule(allowedDependencies = {"contacts", "desk", "live", "numbers", "security", "shared", "tickets"})
package br.com.balcao.conversations;

import org.springframework.modulith.ApplicationModule;
