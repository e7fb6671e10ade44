/** Message templates: each number's Meta-approved templates for active messages. */
@ApplicationModule(allowedDependencies = {"shared"})
package br.com.balcao.templates;

import org.springframework.modulith.ApplicationModule;
