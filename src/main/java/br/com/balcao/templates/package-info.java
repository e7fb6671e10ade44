/** Message templates: each number's templates, synced from Meta's WhatsApp Business Account or kept locally. */
@ApplicationModule(allowedDependencies = {"numbers", "shared"})
package br.com.balcao.templates;

import org.springframework.modulith.ApplicationModule;
