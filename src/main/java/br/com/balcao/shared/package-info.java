/** What every module may use: the clock, errors, database bootstrapping. */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package br.com.balcao.shared;

import org.springframework.modulith.ApplicationModule;
