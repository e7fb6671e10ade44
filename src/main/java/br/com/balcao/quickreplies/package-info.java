/** Quick replies: canned texts in categories, shared by every number. */
@ApplicationModule(allowedDependencies = {"audit", "security", "shared"})
package br.com.balcao.quickreplies;

import org.springframework.modulith.ApplicationModule;
