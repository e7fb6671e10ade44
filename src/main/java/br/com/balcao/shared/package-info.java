/** What every module may use: the clock, errors, database bootstrapping. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package br.com.balcao.shared;
