/** The audit log: who changed what on the configuration pages, with the values before and after. */
@ApplicationModule(allowedDependencies = {"numbers", "security"})
package br.com.balcao.audit;

import org.springframework.modulith.ApplicationModule;
