/**
 * Conversation history: the selected number's tickets of the last months, filtered, as CSV, and any ticket as
 * a PDF.
 */
@ApplicationModule(allowedDependencies = {"numbers", "security", "shared", "tickets"})
package br.com.balcao.history;

import org.springframework.modulith.ApplicationModule;
